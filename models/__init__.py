"""Framescope's analysis core: readers, cues, tone, scores and comparisons.

Qt-free by contract (see ``[tool.importlinter]`` in pyproject.toml): everything
here can be called from a notebook or a script.
"""

__version__ = "0.1.0"
