"""NetworkX's reading of graph files, for the interop tests: one JSON object per file, one line
each, on stdout, shaped like tools/gephi/GephiRead.java's so that the two can be compared.

    python nx_read.py [--in-edges NODE] FILE...   (.graphml with read_graphml, .gexf with read_gexf)

With --in-edges, each object also lists the edges into NODE as NetworkX gives them
(graph.in_edges(NODE, data=True)): their source and predicate.
"""

import json
import sys
from collections import Counter

import networkx as nx


def attributes(items):
    """Per attribute name: how many elements hold it, and the Python types of its values."""
    counts = Counter()
    types = {}
    for data in items:
        for name, value in data.items():
            counts[name] += 1
            types.setdefault(name, set()).add(type(value).__name__)
    return [{"name": n, "values": counts[n], "types": sorted(types[n])} for n in counts]


def describe(path, in_edges_of=None):
    graph = nx.read_graphml(path) if path.endswith(".graphml") else nx.read_gexf(path)
    out = {
        "file": path,
        "graph": type(graph).__name__,
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "nodeAttributes": attributes(data for _, data in graph.nodes(data=True)),
        "edgeAttributes": attributes(data for _, _, data in graph.edges(data=True)),
    }
    if in_edges_of is not None:
        edges = graph.in_edges(in_edges_of, data=True) if graph.has_node(in_edges_of) else []
        out["inEdges"] = sorted(
            ({"source": source, "predicate": data.get("predicate")} for source, _, data in edges),
            key=lambda e: (e["source"], str(e["predicate"])),
        )
    return out


if __name__ == "__main__":
    args = sys.argv[1:]
    node = None
    if args[:1] == ["--in-edges"]:
        node, args = args[1], args[2:]
    if not args:
        sys.exit("usage: nx_read.py [--in-edges NODE] FILE...")
    for path in args:
        print(json.dumps(describe(path, node), ensure_ascii=False))
