"""Graphs of named types: strongly connected components (cycles of references)."""

from __future__ import annotations

from generator.ir import Api, TypeRef


def components(api: Api) -> dict[str, int]:
    """Each model's and alias's component of the reference graph (through field, extra and
    alias types), by name: two share one exactly when each reaches the other."""
    graph: dict[str, set[str]] = {}
    for model in api.models:
        types = [f.type for f in model.fields] + ([model.extra_type] if model.extra_type else [])
        graph[model.name] = _refs(types)
    for alias in api.aliases:
        graph[alias.name] = _refs([alias.target])
    return {name: i for i, scc in enumerate(sccs(graph)) for name in scc}


def _refs(types: list[TypeRef]) -> set[str]:
    """The models and aliases these types name, at any depth."""
    out: set[str] = set()
    while types:
        t = types.pop()
        if t.kind in ("model", "alias"):
            out.add(t.name)
        types.extend(t.args)
    return out


def sccs(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of `graph`, sinks first (Tarjan's algorithm, iterative
    so deep reference chains cannot overflow the stack); edges to unknown nodes are ignored."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    out: list[list[str]] = []
    counter = 0
    for root in sorted(graph):
        if root in index:
            continue
        work = [(root, iter(sorted(graph[root])))]
        index[root] = low[root] = counter
        counter += 1
        stack.append(root)
        on_stack.add(root)
        while work:
            node, children = work[-1]
            advanced = False
            for child in children:
                if child not in graph:
                    continue
                if child not in index:
                    index[child] = low[child] = counter
                    counter += 1
                    stack.append(child)
                    on_stack.add(child)
                    work.append((child, iter(sorted(graph[child]))))
                    advanced = True
                    break
                if child in on_stack:
                    low[node] = min(low[node], index[child])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[node])
            if low[node] == index[node]:
                scc = []
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    scc.append(member)
                    if member == node:
                        break
                out.append(sorted(scc))
    return out
