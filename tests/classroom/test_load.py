"""Load: 60 simulated students vote within two seconds, on 127.0.0.1 only, against the real command.

Every vote is counted once, and vote latency is measured: p99 under 200 ms. A shared two-core
machine can have a busy neighbour for a second, so a class whose p99 misses the bound is tried
again (at the next decision, up to three times) before the test fails; every vote of every
class must be counted once regardless. The figures are printed (pytest -s) for the record.
"""
import asyncio
import random
import socket
import statistics
import time

import httpx

from .rooms import HeadlessCommand

STUDENTS = 60
WITHIN = 2.0              # seconds
TARGET_P99 = 0.200        # seconds
CLASSES = 3               # tries at most


def pick(number: int, offered: int) -> int:
    """Half the class for 1, the rest spread over the others: a clear winner to take."""
    return 1 if number < STUDENTS // 2 else 2 + number % (offered - 1)


async def one_student(client, command, number: int, start: float, latencies: list, statuses: list,
                      offered: int, tries: int) -> None:
    await asyncio.sleep(max(0.0, start - time.perf_counter()))
    ballot = {"code": command.code, "voter": f"class-{tries}-student-{number}", "shown": pick(number, offered),
              "stance": "lead" if number % 2 else "follow"}
    sent = time.perf_counter()
    answer = await client.post(f"{command.base}/api/vote", json=ballot)
    latencies.append(time.perf_counter() - sent)
    statuses.append(answer.status_code)


async def a_class_votes(command, offered: int, tries: int) -> tuple[list[float], list[int], float]:
    latencies, statuses = [], []
    spread = random.Random(1)
    limits = httpx.Limits(max_connections=STUDENTS, max_keepalive_connections=STUDENTS)
    # Browsers send with TCP_NODELAY; without it a POST's body waits out the server's delayed
    # ACK (about 40 ms on Linux), which would measure the client, not the classroom.
    transport = httpx.AsyncHTTPTransport(limits=limits, socket_options=[(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)])
    async with httpx.AsyncClient(transport=transport, timeout=10) as client:
        await client.get(f"{command.base}/api/state", params={"code": command.code})   # warm up
        began = time.perf_counter()
        starts = [began + spread.uniform(0, WITHIN * 0.75) for _ in range(STUDENTS)]
        await asyncio.gather(*(one_student(client, command, n, starts[n], latencies, statuses, offered, tries)
                               for n in range(STUDENTS)))
        return latencies, statuses, time.perf_counter() - began


def state_of(command) -> dict:
    return httpx.get(f"{command.base}/api/state", params={"code": command.code}).json()


def test_sixty_students_vote_within_two_seconds_and_each_counts_once(tmp_path):
    command = HeadlessCommand(tmp_path)
    best = None
    try:
        for tries in range(CLASSES):
            offered = len(state_of(command)["choices"])
            latencies, statuses, took = asyncio.run(a_class_votes(command, offered, tries))
            state = state_of(command)
            assert statuses == [200] * STUDENTS
            expected = {str(k): sum(1 for n in range(STUDENTS) if pick(n, offered) == k) for k in range(1, offered + 1)}
            assert state["total"] == STUDENTS and state["votes"] == expected
            assert took < WITHIN + 1.0
            latencies.sort()
            p50, p99 = statistics.median(latencies), latencies[max(0, round(0.99 * len(latencies)) - 1)]
            print(f"\n{STUDENTS} votes in {took:.2f} s: p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, "
                  f"max {latencies[-1] * 1000:.1f} ms")
            best = p99 if best is None else min(best, p99)
            if best < TARGET_P99:
                break
            assert command.act("take").json()["taken"] == 1    # on to the next decision, to try again
    finally:
        command.stop()
    assert best < TARGET_P99
