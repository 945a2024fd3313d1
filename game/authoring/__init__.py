"""Instructors' tools over the engine: simulate, the exhaustive check, graph, schema, new.

Pure Python like the engine (no pygame). The functions below are what other tools (the
benchmark, the command line) call; each returns a report object with `as_dict()`.
"""
from .exhaustive import ExhaustiveReport, exhaustive
from .graph import graph_of, render
from .schema import scenario_schema
from .simulate import SimulationReport, simulate
from .starter import starter_text

__all__ = [
    "ExhaustiveReport", "SimulationReport", "exhaustive", "graph_of", "render", "scenario_schema",
    "simulate", "starter_text",
]
