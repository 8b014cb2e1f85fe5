import { UndirectedGraph } from "graphology";
import { bidirectional } from "graphology-shortest-path/unweighted.js";
import type { ViewerGraph } from "./types.js";
import type { Visibility } from "./visibility.js";

export interface PathResult {
  nodes: string[];
  /** one visible link per step, in order */
  edges: string[];
}

/**
 * The shortest chain of visible links between two entities. Direction is ignored: an analyst
 * tracing "how is X connected to Y" wants China → item ← Russia as much as a directed chain.
 * Among parallel links of one step the best-sourced is chosen.
 */
export function shortestVisiblePath(
  graph: ViewerGraph,
  visibility: Visibility,
  from: string,
  to: string,
): PathResult | null {
  if (!visibility.nodes.has(from) || !visibility.nodes.has(to)) return null;
  if (from === to) return { nodes: [from], edges: [] };
  const simple = new UndirectedGraph();
  for (const n of visibility.nodes) simple.addNode(n);
  for (const e of visibility.edges) {
    const [s, t] = graph.extremities(e);
    if (s !== t) simple.mergeEdge(s, t);
  }
  const nodes = bidirectional(simple, from, to);
  if (!nodes) return null;
  const edges: string[] = [];
  for (let i = 0; i + 1 < nodes.length; i++) {
    const a = nodes[i]!;
    const b = nodes[i + 1]!;
    let best: string | null = null;
    let bestSources = -1;
    for (const e of [...graph.edges(a, b), ...graph.edges(b, a)]) {
      if (!visibility.edges.has(e)) continue;
      const n = graph.getEdgeAttribute(e, "sourceCount");
      if (n > bestSources) {
        best = e;
        bestSources = n;
      }
    }
    if (best) edges.push(best);
  }
  return { nodes, edges };
}
