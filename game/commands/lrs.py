"""Where play's statements go: the store's address as an argument, and connecting the records
to it (for `play`, `records` and `class-report`)."""
from __future__ import annotations

import argparse
import sys


def lrs_address(text: str) -> str:
    """An argparse type: an http(s) address, else a one-line usage error."""
    from game.records.lrs_settings import BadEndpoint, endpoint_of
    try:
        endpoint_of(text)
    except BadEndpoint as err:
        raise argparse.ArgumentTypeError(str(err)) from None
    return text


def connect_lrs(records, args) -> None:
    """For play: when a store is given or set, each record also makes its statements, and a
    background sender sends them. A stored address that cannot be used still makes them (they
    wait in the outbox until it is put right), so an attempt is never left out."""
    if records is None or not hasattr(args, "lrs"):
        return
    from game.records.lrs_link import connect
    from game.records.lrs_settings import BadEndpoint, read_settings
    try:
        connect(records, args.lrs)
    except BadEndpoint as err:
        from game.records.outbox import StatementMaker   # only on this path: it loads the xAPI modules
        records.statements = StatementMaker(read_settings(records.folder).identify)
        print(f"circle: the learning record store in the settings cannot be used ({err}); "
              "statements wait in the records until it is put right", file=sys.stderr)
