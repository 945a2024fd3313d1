"""The order a trainee sees the offered choices in: leads first, then follows, each group in
an order drawn from the attempt's seed and the node's id, so the layout is never the answer
key and a revisited node looks the same again.

A choice's rank is a CRC of "shown:<seed>:<node>:<index>": the same in every process and far
cheaper than seeding a generator on every choice. The CRC of the common prefix is worked out
once per node and continued with each index (zlib.crc32 takes a running value), which gives
the same number as the CRC of the whole text.
"""
from __future__ import annotations

import zlib


def shown_ranks(seed: int, node_id: str, count: int) -> list[int]:
    """A rank for each authored choice of a node: the shown order within each stance."""
    prefix = zlib.crc32(f"shown:{seed}:{node_id}:".encode())
    return [zlib.crc32(b"%d" % index, prefix) for index in range(count)]


def _ranker(seed: int, node_id: str):
    prefix = zlib.crc32(f"shown:{seed}:{node_id}:".encode())
    return lambda index: zlib.crc32(b"%d" % index, prefix)


def shown_order(offered: list, leads: tuple[bool, ...], ranks: list[int]) -> list:
    """The offered choices as shown: leads first, then by rank (ties as written)."""
    return sorted(offered, key=lambda c: (not leads[c.index], ranks[c.index]))


def shown_place(seed: int, node_id: str, offered: list, leads: tuple[bool, ...], taken) -> int:
    """`taken`'s number in `shown_order`, without ordering the others: one more than the
    choices shown before it (the leads, if it follows; those of its stance that rank lower,
    or rank the same and are written earlier, as the stable sort leaves them). Only the ranks
    of its own stance are drawn: a headless run places only the choice it takes."""
    index = taken.index
    mine = leads[index]
    ranked = None
    place = 1
    for other in offered:
        at = other.index
        if at == index:
            continue
        if leads[at] != mine:
            place += leads[at]
            continue
        if ranked is None:
            ranked = _ranker(seed, node_id)
            rank = ranked(index)
        if (ranked(at), at) < (rank, index):
            place += 1
    return place
