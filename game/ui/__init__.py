"""The pygame front end. pygame's greeting on import is kept off the terminal."""
import os

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
