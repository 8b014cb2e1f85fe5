"""NetworkX's reading of graph files, for the interop tests: one JSON object per file, one line
each, on stdout, shaped like tools/gephi/GephiRead.java's so that the two can be compared.

    python nx_read.py FILE...   (.graphml with read_graphml, .gexf with read_gexf)
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


def describe(path):
    graph = nx.read_graphml(path) if path.endswith(".graphml") else nx.read_gexf(path)
    return {
        "file": path,
        "graph": type(graph).__name__,
        "nodes": graph.number_of_nodes(),
        "edges": graph.number_of_edges(),
        "nodeAttributes": attributes(data for _, data in graph.nodes(data=True)),
        "edgeAttributes": attributes(data for _, _, data in graph.edges(data=True)),
    }


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit("usage: nx_read.py FILE...")
    for path in sys.argv[1:]:
        print(json.dumps(describe(path), ensure_ascii=False))
