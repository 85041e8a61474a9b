"""The law, encoded once: one package per AML paragraph family, each able to check and post."""
