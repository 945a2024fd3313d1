"""`records sync [--lrs URL]` and `records lrs [--url URL | --off] [--identify anonymous|name]
[--auth-from-stdin | --forget-auth]`: the statements waiting for a Learning Record Store, and where
that store is.

Play sends statements in the background by itself; `sync` is for a machine that was offline, or
for an instructor who wants to know that everything has gone. It says how many it sent and how
many still wait, and exits 1 when some could not go. A password is never printed: `lrs` says
only where the credentials come from.
"""
from __future__ import annotations

import sys


def add_arguments(parser) -> None:
    from .lrs import lrs_address
    from .opening import folder_name

    actions = parser.add_subparsers(dest="action", metavar="ACTION")
    actions.required = True
    sync = actions.add_parser("sync", help="send the statements waiting for the learning record store; say how many")
    sync.add_argument("--lrs", type=lrs_address, metavar="URL",
                      help="the store's xAPI endpoint (default: the one set with `records lrs`)")
    sync.add_argument("--data-dir", type=folder_name, help="where records are kept")
    lrs = actions.add_parser("lrs", help="show or change where statements go and how the learner is named")
    where = lrs.add_mutually_exclusive_group()
    where.add_argument("--url", type=lrs_address, metavar="URL",
                       help="the store's xAPI endpoint, e.g. http://127.0.0.1:8100/xAPI/")
    where.add_argument("--off", action="store_true", help="stop making statements for a store")
    lrs.add_argument("--identify", choices=("anonymous", "name"),
                     help="how the store knows the learner: an anonymous id (the default) or their name")
    secret = lrs.add_mutually_exclusive_group()
    secret.add_argument("--auth-from-stdin", action="store_true",
                        help="read user:password from the first line of standard input and keep it")
    secret.add_argument("--forget-auth", action="store_true", help="remove the kept credentials")
    lrs.add_argument("--data-dir", type=folder_name, help="where records are kept")


def run(args) -> int:
    from game.records import Records, RecordsUnavailable
    try:
        records = Records(args.data_dir)
    except RecordsUnavailable as err:
        return fail("records", str(err))
    try:
        return _sync(records, args) if args.action == "sync" else _settings(records, args)
    finally:
        records.close()


def _sync(records, args) -> int:
    from game.records.lrs_settings import choose_lrs
    from game.records.sender import deliver
    if not records.writable:
        return fail("records sync", f"{records.notice or 'the records are read-only'}; nothing can be marked as sent")
    lrs, _ = choose_lrs(records.folder, args.lrs)
    if lrs is None:
        return fail("records sync", "no learning record store is set: give --lrs URL, or set one with "
                                    "`records lrs --url URL`")
    delivery = deliver(records.db, lrs)
    if delivery.problem:
        return fail("records sync", f"{delivery.problem}; sent {_count(delivery.sent)}, "
                                    f"{_count(delivery.waiting)} still waiting")
    if delivery.refused:
        return fail("records sync", f"the LRS at {lrs.shown} refused {_count(delivery.refused)} (kept, with its "
                                    f"reason, in the records); sent {_count(delivery.sent)}")
    if delivery.sent == 0:
        print(f"records sync: nothing was waiting for {lrs.shown}")
    else:
        print(f"records sync: sent {_count(delivery.sent)} to {lrs.shown}; none waiting")
    return 0


def _settings(records, args) -> int:
    from dataclasses import replace

    from game.records.lrs_settings import AUTH_VARIABLE, endpoint_of, read_settings, write_settings
    from game.records.outbox import waiting_count
    settings = read_settings(records.folder)
    changed = replace(settings, endpoint=None if args.off else settings.endpoint,
                      identify=args.identify or settings.identify)
    if args.url:     # credentials written into the address are kept apart from it
        endpoint, in_address = endpoint_of(args.url)
        changed = replace(changed, endpoint=endpoint, auth=in_address or changed.auth)
    if args.forget_auth:
        changed = replace(changed, auth=None)
    if args.auth_from_stdin:
        line = sys.stdin.readline().strip()
        if ":" not in line:
            return fail("records lrs", "expected user:password on standard input")
        changed = replace(changed, auth=line)
    if changed != settings:
        try:
            write_settings(records.folder, changed)
        except OSError as err:
            return fail("records lrs", f"the settings could not be written ({err.strerror or err})")
    import os
    source = (f"${AUTH_VARIABLE}" if os.environ.get(AUTH_VARIABLE) else
              "kept in the settings" if changed.auth else "none")
    print(f"learning record store: {_shown(changed.endpoint) or 'none set'}")
    print(f"learner named as: {changed.identify}")
    print(f"credentials: {source}")
    print(f"statements waiting: {waiting_count(records.db)}")
    return 0


def _shown(endpoint: str | None) -> str | None:
    from game.records.lrs_settings import endpoint_of
    return endpoint_of(endpoint)[0] if endpoint else None


def _count(number: int) -> str:
    return f"{number} statement{'' if number == 1 else 's'}"


def fail(command: str, message: str) -> int:
    """common.fail, imported only when needed: play reads this module's argument types, and
    its menu should not wait for the scenario format to load."""
    from .common import fail as say
    return say(command, message)
