"""Example planning workbooks and the script that builds them (``python -m instances.generate``)."""
