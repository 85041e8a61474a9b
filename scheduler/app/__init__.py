"""The application layer: the steps a command runs, in order, with one time limit.

:mod:`scheduler.app.pipeline` is the one solve-and-check pipeline (read → build → search →
check → write); :mod:`scheduler.app.timing` times its phases and keeps the one deadline they
share; :mod:`scheduler.app.sizing` estimates what the phases after the search need and refuses a
problem too large to build. The CLI calls this layer; it never calls the CLI.
"""
