"""aml-roster: roster optimiser and compliance checker for Norwegian working-time law."""

__version__ = "0.1.0"
