"""Instructors' tools over the engine: simulate, the exhaustive check, graph, schema, new.

Pure Python like the engine (no pygame). Import from the modules, whose names are the tools:

    from game.authoring.simulate import simulate        # simulate(scenario, runs, policy, seed)
    from game.authoring.exhaustive import exhaustive    # exhaustive(scenario, seed=0)
    from game.authoring.graph import render             # render(scenario, "mermaid" | "dot")
    from game.authoring.schema import scenario_schema
    from game.authoring.starter import starter_text

Each report object has `as_dict()` (the command's JSON). Nothing is re-exported here, so that
`game.authoring.simulate` stays the module and not the function of the same name.
"""
