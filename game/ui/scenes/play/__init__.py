"""The play screen, one package: `PlayScene` (scene.py) holds one declared `PlayState`
(state.py) and hands it to its parts, each a module that receives what it needs.
"""
from game.ui.scenes.play.scene import PlayScene
from game.ui.scenes.play.state import PlayState, Stage

__all__ = ["PlayScene", "PlayState", "Stage"]
