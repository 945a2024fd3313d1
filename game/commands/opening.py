"""What every command that plays or reports needs first: the records (never a reason not to
play), the learner's name, a seed for a new attempt, and the --data-dir argument."""
from __future__ import annotations

import sys


def folder_name(text: str) -> str:
    """--data-dir: an empty name is a mistake to point out, not a reason to use another folder."""
    if not text.strip():
        import argparse
        raise argparse.ArgumentTypeError("the folder name is empty")
    return text


def open_records(args):
    """The records database, or None (with a one-line notice) when it cannot be used."""
    records, why = try_records(args)
    if why:
        print(f"circle: {why}", file=sys.stderr)
    return records


def try_records(args):
    """(records, notice or None), or (None, why not): a locked, read-only or newer records file
    must never stop anyone playing."""
    from game.records.for_play import records_for_play

    records, why = records_for_play(args.data_dir, args.no_records)
    if records is not None:
        from .lrs import connect_lrs
        connect_lrs(records, args)
    return records, why


def learner_name(args, records, ask: bool) -> str:
    """--learner, else the name given before, else (once, when interactive) ask."""
    from game.records.for_play import learner_for

    return learner_for(args.learner, records, ask)


def fresh_seed(given: int | None) -> int:
    """The seed asked for, else a new one for this attempt (it is kept in the attempt's record,
    so the attempt can be replayed)."""
    if given is not None:
        return given
    import random
    return random.SystemRandom().randrange(1, 1_000_000)
