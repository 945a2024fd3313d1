"""A layered drawing of a directed graph (after Sugiyama, Tagawa and Toda), in pure Python.

`graph --format html` draws a scenario without Graphviz or any other system package, so the
layout is computed here, in five classic steps:

1. Cycles. A scenario may loop back ("try that again"); a depth-first search from the start
   finds the edges that close a cycle, and only for layering they count as reversed.
2. Layers. The longest path from the start: every other edge points down the page, so a
   story reads from top to bottom.
3. Long edges. An edge that crosses several layers is cut by a dummy point in each, so it
   takes part in ordering and bends round the nodes instead of running through them.
4. Order. Barycenter sweeps down and up the layers (each node moves toward the mean place of
   its neighbours), keeping the order with the fewest crossings seen.
5. Coordinates. Each node is pulled toward the mean x of its neighbours while nodes keep their
   order and their distance: a least-squares placement under order constraints, solved exactly
   by pooling adjacent violators, a few sweeps down and up.

Parallel edges (several choices leading to the same node) share one route; self-loops are
returned apart, for the renderer to draw beside their node.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Callable

Point = tuple[float, float]
Pair = tuple[str, str]
SWEEPS = 12          # ordering sweeps (down and up count as one each)
PLACEMENTS = 6       # coordinate sweeps
DUMMY_WIDTH = 14.0   # room a long edge takes in a layer it crosses


@dataclass
class Layout:
    """Where each node's centre is, and the points each edge (a pair of nodes) passes through."""

    positions: dict[str, Point]
    routes: dict[Pair, list[Point]]
    layers: dict[str, int]
    loops: list[str] = field(default_factory=list)   # nodes with an edge to themselves
    width: float = 0.0
    height: float = 0.0


def layered_layout(nodes: list[str], pairs: list[Pair], start: str, size: Callable[[str], tuple[float, float]],
                   layer_gap: float = 70.0, node_gap: float = 28.0, margin: float = 24.0) -> Layout:
    """Lay out `nodes` (in a stable order: the file's) with edges `pairs`, `start` on top."""
    pairs = list(dict.fromkeys(pairs))
    loops = [u for u, v in pairs if u == v]
    pairs = [(u, v) for u, v in pairs if u != v]
    back = _back_edges(nodes, pairs, start)
    dag = [(v, u) if (u, v) in back else (u, v) for u, v in pairs]
    layer = _longest_path_layers(nodes, dag)
    graph = _Layered(nodes, layer, size)
    chains = {pair: graph.chain(*d) for pair, d in zip(pairs, dag)}
    graph.order(_discovery_order(nodes, pairs, start))
    graph.place(node_gap)
    positions = graph.coordinates(layer_gap, margin)
    routes = {pair: _route(pair, chain, positions, size, pair in back) for pair, chain in chains.items()}
    _spread_ports(routes, size)
    real = {n: positions[n] for n in nodes}
    width = max((x + graph.width(n) / 2 for n, (x, _) in positions.items()), default=0.0) + margin
    height = max((y + size(n)[1] / 2 for n, (_, y) in real.items()), default=0.0) + margin
    return Layout(real, routes, layer, loops, width, height)


def _back_edges(nodes: list[str], pairs: list[Pair], start: str) -> set[Pair]:
    """Edges that close a cycle, found by an iterative depth-first search (start first)."""
    succ: dict[str, list[str]] = defaultdict(list)
    for u, v in pairs:
        succ[u].append(v)
    state: dict[str, int] = {}   # 1: on the current path, 2: done
    back: set[Pair] = set()
    for root in [start] + nodes:
        if root in state:
            continue
        state[root] = 1
        stack = [(root, iter(succ[root]))]
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                back.add((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(succ[child])))
    return back


def _longest_path_layers(nodes: list[str], dag: list[Pair]) -> dict[str, int]:
    """Layer 0 for nodes nothing leads to; else one below the lowest node leading to it."""
    indegree = {n: 0 for n in nodes}
    succ: dict[str, list[str]] = defaultdict(list)
    for u, v in dag:
        succ[u].append(v)
        indegree[v] += 1
    layer = {n: 0 for n in nodes}
    ready = [n for n in nodes if indegree[n] == 0]
    while ready:
        node = ready.pop()
        for child in succ[node]:
            layer[child] = max(layer[child], layer[node] + 1)
            indegree[child] -= 1
            if indegree[child] == 0:
                ready.append(child)
    return layer


def _discovery_order(nodes: list[str], pairs: list[Pair], start: str) -> dict[str, int]:
    """Breadth-first from the start, then the file's order: the first order within layers."""
    succ: dict[str, list[str]] = defaultdict(list)
    for u, v in pairs:
        succ[u].append(v)
    seen = {start: 0}
    queue = [start]
    for node in queue:
        for child in succ[node]:
            if child not in seen:
                seen[child] = len(seen)
                queue.append(child)
    for node in nodes:
        seen.setdefault(node, len(seen))
    return seen


class _Layered:
    """Nodes and dummy points in layers, with the edges between adjacent layers."""

    def __init__(self, nodes: list[str], layer: dict[str, int], size):
        self.layer = dict(layer)
        self.size = size
        self.dummies: set[str] = set()
        self.origin: dict[str, str] = {}   # dummy -> the node its edge leaves from
        self.up: dict[str, list[str]] = defaultdict(list)     # neighbours in the layer above
        self.down: dict[str, list[str]] = defaultdict(list)   # ... and in the layer below
        self.x: dict[str, float] = {}
        self.layers: list[list[str]] = []

    def width(self, node: str) -> float:
        return DUMMY_WIDTH if node in self.dummies else self.size(node)[0]

    def chain(self, u: str, v: str) -> list[str]:
        """The points from u down to v: u, a dummy per layer crossed, v."""
        points = [u]
        for depth in range(self.layer[u] + 1, self.layer[v]):
            dummy = f"\0{u}\0{v}\0{depth}"
            self.dummies.add(dummy)
            self.origin[dummy] = u
            self.layer[dummy] = depth
            points.append(dummy)
        points.append(v)
        for a, b in zip(points, points[1:]):
            self.down[a].append(b)
            self.up[b].append(a)
        return points

    def order(self, first: dict[str, int]) -> None:
        rank = {n: first.get(self.origin.get(n, n), 0) for n in self.layer}
        count = max(self.layer.values(), default=-1) + 1
        self.layers = [sorted((n for n in self.layer if self.layer[n] == i), key=lambda n: (rank[n], n))
                       for i in range(count)]
        best, fewest = [list(l) for l in self.layers], self.crossings()
        for sweep in range(SWEEPS):
            downward = sweep % 2 == 0
            span = range(1, count) if downward else range(count - 2, -1, -1)
            for i in span:
                neighbours = self.up if downward else self.down
                self._sort_by_barycenter(i, neighbours)
            crossings = self.crossings()
            if crossings < fewest:
                best, fewest = [list(l) for l in self.layers], crossings
        self.layers = best

    def _sort_by_barycenter(self, i: int, neighbours) -> None:
        place = {n: k for layer in self.layers for k, n in enumerate(layer)}

        def key(item):
            k, node = item
            near = [place[m] for m in neighbours[node]]
            return (sum(near) / len(near) if near else k, k)

        self.layers[i] = [n for _, n in sorted(enumerate(self.layers[i]), key=key)]

    def crossings(self) -> int:
        total = 0
        for upper, lower in zip(self.layers, self.layers[1:]):
            below = {n: k for k, n in enumerate(lower)}
            ends = sorted((k, below[m]) for k, n in enumerate(upper) for m in self.down[n] if m in below)
            total += _inversions([b for _, b in ends])
        return total

    def place(self, gap: float) -> None:
        """x for every node and dummy: packed first, then pulled toward their neighbours."""
        for layer in self.layers:
            x = 0.0
            for k, node in enumerate(layer):
                x += (self.width(layer[k - 1]) / 2 + gap + self.width(node) / 2) if k else 0.0
                self.x[node] = x
        for sweep in range(PLACEMENTS):
            downward = sweep % 2 == 0
            span = range(len(self.layers)) if downward else range(len(self.layers) - 1, -1, -1)
            for i in span:
                self._pull(self.layers[i], downward, both=sweep >= 2, gap=gap)

    def _pull(self, layer: list[str], downward: bool, both: bool, gap: float) -> None:
        wanted = []
        for node in layer:
            near = list(self.up[node] if downward else self.down[node])
            if both:
                near += self.down[node] if downward else self.up[node]
            wanted.append(sum(self.x[m] for m in near) / len(near) if near else self.x[node])
        separation = [self.width(a) / 2 + gap + self.width(b) / 2 for a, b in zip(layer, layer[1:])]
        for node, x in zip(layer, spaced_fit(wanted, separation)):
            self.x[node] = x

    def coordinates(self, layer_gap: float, margin: float) -> dict[str, Point]:
        left = min((self.x[n] - self.width(n) / 2 for n in self.x), default=0.0)
        positions, top = {}, margin
        for layer in self.layers:
            tall = max((self.size(n)[1] for n in layer if n not in self.dummies), default=0.0)
            for node in layer:
                positions[node] = (self.x[node] - left + margin, top + tall / 2)
            top += tall + layer_gap
        return positions


def spaced_fit(wanted: list[float], separation: list[float]) -> list[float]:
    """x as close as possible to `wanted` (least squares), in order, x[i+1] - x[i] >= separation[i].

    With offsets o[i] = sum(separation[:i]), y = x - o must only not decrease: isotonic
    regression of wanted - o, which pooling adjacent violators solves exactly in linear time."""
    offsets = [0.0]
    for s in separation:
        offsets.append(offsets[-1] + s)
    blocks: list[list[float]] = []   # [mean, count]
    for value in (w - o for w, o in zip(wanted, offsets)):
        blocks.append([value, 1])
        while len(blocks) > 1 and blocks[-2][0] > blocks[-1][0]:
            mean, count = blocks.pop()
            blocks[-1] = [(blocks[-1][0] * blocks[-1][1] + mean * count) / (blocks[-1][1] + count),
                          blocks[-1][1] + count]
    fitted = [mean for mean, count in blocks for _ in range(int(count))]
    return [y + o for y, o in zip(fitted, offsets)]


def _inversions(values: list[int]) -> int:
    """Pairs out of order: the crossings between two layers (merge sort, n log n)."""
    if len(values) < 2:
        return 0
    middle = len(values) // 2
    left, right = sorted(values[:middle]), sorted(values[middle:])
    count = _inversions(values[:middle]) + _inversions(values[middle:])
    j = 0
    for value in left:
        while j < len(right) and right[j] < value:
            j += 1
        count += j
    return count


def _route(pair: Pair, chain: list[str], positions: dict[str, Point], size, reversed_: bool) -> list[Point]:
    """From the source's edge to the target's edge, through the dummies between them."""
    u, v = pair
    points = [positions[n] for n in chain]
    if reversed_:   # the chain runs v -> u (down the page); the edge goes u -> v (up)
        points.reverse()
    (ux, uy), (vx, vy) = positions[u], positions[v]
    up = -1 if reversed_ else 1
    points[0] = (ux, uy + up * size(u)[1] / 2)
    points[-1] = (vx, vy - up * size(v)[1] / 2)
    return points


def _spread_ports(routes: dict[Pair, list[Point]], size) -> None:
    """Edges leave a node side by side along its edge, in the order of where they go (and
    arrive likewise), so that neither they nor their labels start on top of each other."""
    ends: dict[tuple[str, int], list[tuple[float, Pair]]] = defaultdict(list)
    for pair, points in routes.items():
        ends[(pair[0], 0)].append((points[1][0], pair))
        ends[(pair[1], -1)].append((points[-2][0], pair))
    for (node, end), entries in ends.items():
        if len(entries) < 2:
            continue
        room = size(node)[0] * 0.7
        for k, (_, pair) in enumerate(sorted(entries)):
            x, y = routes[pair][end]
            routes[pair][end] = (x - room / 2 + room * k / (len(entries) - 1), y)
