"""Attempts and reports on disk: what a learner did, kept safe across crashes."""
from game import names_on_demand

# Where each name lives. A module is imported when one of its names is first asked for, so the
# window can find the data folder and open the records (store.py) before the menu's first
# frame without loading the attempt log, which needs the engine and the scenario format.
_WHERE = {
    "Attempt": "store", "AttemptLog": "attempt_log", "DATA_DIR_VARIABLE": "store", "Records": "store",
    "RecordsUnavailable": "opening", "data_dir": "store", "resume": "attempt_log",
}

__all__ = ["Attempt", "AttemptLog", "DATA_DIR_VARIABLE", "Records", "RecordsUnavailable", "data_dir", "resume"]


# `from game.records import AttemptLog` imports attempt_log.py then, once.
__getattr__ = names_on_demand(__name__, _WHERE)
