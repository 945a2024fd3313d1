"""The app a headless picture is drawn in (every `screenshot` screen): a dummy window of the
asked size, the asked theme and text size, and records only when the picture shows them."""
from __future__ import annotations

import argparse


def still_app(args, data_dir: str, *, seed: int = 0, records=None, learner: str | None = None,
              settings: tuple = ()):
    """An App for one picture; `settings`: more (key, value) pairs to apply, as the panel would."""
    from game.ui.app import App

    app_args = argparse.Namespace(scenario=None, presenter=False, fullscreen=False, seed=seed, resume=False,
                                  learner=learner or "", data_dir=data_dir, no_records=records is None,
                                  demo=False)
    app = App(app_args, window_size=args.size, records=records, learner=learner)
    for key, value in (("theme", args.theme), ("text_size", args.text_size), *settings):
        app.change_setting(key, value)
    return app
