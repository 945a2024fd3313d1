"""The README's promises: CI runs its test command word for word, and its commands exist."""
import re
from pathlib import Path

from game.cli import COMMANDS

ROOT = Path(__file__).resolve().parents[2]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def fenced_commands() -> list[str]:
    return re.findall(r"```sh\n(.+?)\n```", README)


def test_ci_runs_the_readmes_test_command_word_for_word():
    test_command = next(c for c in fenced_commands() if "pytest" in c)
    assert test_command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")


def test_the_readme_gives_one_command_to_install_and_run():
    assert any(c.endswith("python main.py") and "pip install" in c for c in fenced_commands())


def test_every_command_in_the_readme_table_is_a_command_of_the_program():
    section = README.split("## Commands", 1)[1].split("\n## ", 1)[0]
    listed = re.findall(r"^\| `([a-z-]+)[ `]", section, flags=re.M)
    assert listed and set(listed) <= set(COMMANDS)


def test_stdout_stays_clean_for_json_even_when_pygame_loads():
    import subprocess
    import sys
    env = {k: v for k, v in __import__("os").environ.items() if k != "PYGAME_HIDE_SUPPORT_PROMPT"}
    code = "import game.cli, pygame"
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == ""
