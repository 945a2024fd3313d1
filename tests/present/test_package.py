"""game.present loads each of its modules only when one of its names is first asked for."""
import subprocess
import sys

import game.present as present


def test_every_exported_name_is_there():
    for name in present.__all__:
        assert getattr(present, name) is not None, name


def test_an_unknown_name_is_an_attribute_error():
    try:
        present.no_such_thing
    except AttributeError as err:
        assert "no_such_thing" in str(err)
    else:
        raise AssertionError("an unknown name was found")


def test_the_settings_screen_does_not_load_the_engine_to_know_the_scaffold_levels():
    code = "import sys, game.ui.settings; print('game.engine' in sys.modules)"
    found = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={"SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy", "PATH": ""})
    assert found.stdout.strip() == "False"
