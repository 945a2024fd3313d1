"""Attempts and reports on disk: what a learner did, kept safe across crashes."""
from .attempt_log import AttemptLog, resume
from .opening import RecordsUnavailable
from .store import DATA_DIR_VARIABLE, Attempt, Records, data_dir

__all__ = ["Attempt", "AttemptLog", "DATA_DIR_VARIABLE", "Records", "RecordsUnavailable", "data_dir", "resume"]
