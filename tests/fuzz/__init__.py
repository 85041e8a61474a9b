"""Reliability fuzzing: input mutators, hostile-file builders, generated problems and the
per-case contract, shared by `make test` (fast samples) and `make fuzz` (this folder)."""
