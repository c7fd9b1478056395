"""The ``dateline`` command line: thin wrappers over :mod:`dateline.corpus` and the stage APIs."""
