"""aml-roster: roster optimiser and compliance checker for Norwegian working-time law."""

__version__ = "0.1.0"


def solve(problem, options=None):  # noqa: ANN001, ANN201 - lazy re-export (keeps CLI start fast)
    """Solve a planning problem: see :func:`scheduler.solver.solve`."""
    from scheduler.solver import solve as _solve

    return _solve(problem, options)
