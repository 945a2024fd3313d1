"""The table of screens: a screen asks the navigator for the next one by name, so no screen
imports another and they never import each other in a circle.

`show` replaces every screen (menu -> briefing -> play -> debrief); `push` opens one over the
current one (pause, settings, a question, the presenter's overlays); `scene` only makes one
(the first screen, a resumed attempt). Each entry imports its screen when first asked for, so
the menu's first frame never waits for the play screen.
"""
from __future__ import annotations


def _menu(app, notice: str | None = None):
    from game.ui.scenes.menu import MenuScene
    return MenuScene(app, notice=notice)


def _briefing(app, scenario, path: str = "", look_for: str = "", at: str | None = None):
    from game.ui.scenes.briefing import BriefingScene
    return BriefingScene(app, scenario, path, look_for, at)


def _play(app, session, log=None, path: str = "", resumed: bool = False):
    from game.ui.scenes.play import PlayScene
    return PlayScene(app, session, log=log, path=path, resumed=resumed)


def _debrief(app, session, log=None, path: str = ""):
    from game.ui.scenes.debrief import DebriefScene
    return DebriefScene(app, session, log, path)


def _pause(app, play):
    from game.ui.scenes.pause import PauseScene
    return PauseScene(app, play)


def _settings(app):
    from game.ui.scenes.settings_panel import SettingsScene
    return SettingsScene(app)


def _name(app):
    from game.ui.scenes.name import NameScene
    return NameScene(app)


def _compare(app, kept, current):
    from game.ui.scenes.compare import CompareScene
    return CompareScene(app, kept, current)


def _progress(app):
    from game.ui.scenes.progress import ProgressScene
    return ProgressScene(app)


def _jump(app, play):
    from game.ui.scenes.jump_picker import JumpScene
    return JumpScene(app, play)


SCREENS = {
    "menu": _menu, "briefing": _briefing, "play": _play, "debrief": _debrief, "pause": _pause,
    "settings": _settings, "name": _name, "compare": _compare, "jump": _jump, "progress": _progress,
}


class Navigator:
    """Where each screen leads: the app's one way from a screen to the next."""

    def __init__(self, app):
        self.app = app

    def scene(self, name: str, *args, **kwargs):
        """The screen called `name`, made for this app (not shown)."""
        return SCREENS[name](self.app, *args, **kwargs)

    def show(self, name: str, *args, **kwargs) -> None:
        """Replace every screen with this one."""
        self.app.show(self.scene(name, *args, **kwargs))

    def push(self, name: str, *args, **kwargs) -> None:
        """Open this screen over the current one."""
        self.app.push(self.scene(name, *args, **kwargs))

    def new_attempt(self, scenario, path: str = "", at: str | None = None) -> None:
        """Play `scenario` afresh (Start on the briefing, Play again on the debrief); `at`, a
        moment to practise, starts there (the way there played for the trainee)."""
        from game.ui.attempts import new_attempt

        session, log = new_attempt(self.app, scenario, path, at)
        self.show("play", session, log=log, path=path)
