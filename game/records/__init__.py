"""Attempts and reports on disk: what a learner did, kept safe across crashes."""
import importlib

# Where each name lives. A module is imported when one of its names is first asked for, so the
# window can find the data folder and open the records (store.py) before the menu's first
# frame without loading the attempt log, which needs the engine and the scenario format.
_WHERE = {
    "Attempt": "store", "AttemptLog": "attempt_log", "DATA_DIR_VARIABLE": "store", "Records": "store",
    "RecordsUnavailable": "opening", "data_dir": "store", "resume": "attempt_log",
}

__all__ = ["Attempt", "AttemptLog", "DATA_DIR_VARIABLE", "Records", "RecordsUnavailable", "data_dir", "resume"]


def __getattr__(name: str):
    """`from game.records import AttemptLog` imports attempt_log.py then, once (PEP 562)."""
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value
