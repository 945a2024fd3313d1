"""The terminal front end: the same Session as the screen, in plain text."""
from .play import TextPlay

__all__ = ["TextPlay"]
