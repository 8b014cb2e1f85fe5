import type { Visibility } from "./visibility.js";
import type { ViewerGraph } from "./types.js";

/** A copy of the graph holding only what is visible (for path finding and exports). */
export function visibleSubgraph(graph: ViewerGraph, visibility: Visibility): ViewerGraph {
  const out = graph.nullCopy() as ViewerGraph;
  for (const n of visibility.nodes) if (graph.hasNode(n)) out.addNode(n, { ...graph.getNodeAttributes(n) });
  graph.forEachEdge((id, attributes, source, target) => {
    if (visibility.edges.has(id)) out.addDirectedEdgeWithKey(id, source, target, { ...attributes });
  });
  return out;
}
