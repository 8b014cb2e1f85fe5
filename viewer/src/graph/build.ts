import { MultiDirectedGraph } from "graphology";
import type { GraphNode } from "../../../src/model/api.js";
import { stableHash } from "../../../src/model/hash.js";
import type { Link } from "../../../src/model/link.js";
import type { ViewerGraph } from "./types.js";

/** A position in [-1, 1]² that depends only on the id, so a reload starts from the same layout. */
export function seededPosition(id: string): { x: number; y: number } {
  const h = stableHash(id);
  const a = parseInt(h.slice(0, 8), 16) / 0xffffffff;
  const b = parseInt(h.slice(8, 16), 16) / 0xffffffff;
  return { x: a * 2 - 1, y: b * 2 - 1 };
}

/** Adds nodes and links to the graph (skipping ones already there); says what was new. */
export function addToGraph(
  graph: ViewerGraph,
  nodes: readonly GraphNode[],
  links: readonly Link[],
): { nodes: number; links: number; newNodes: Set<string> } {
  const newNodes = new Set<string>();
  let newLinks = 0;
  for (const n of nodes) {
    if (graph.hasNode(n.id)) continue;
    graph.addNode(n.id, { ...n, label: n.name, ...seededPosition(n.id) });
    newNodes.add(n.id);
  }
  for (const l of links) {
    if (graph.hasEdge(l.id) || !graph.hasNode(l.source) || !graph.hasNode(l.target)) continue;
    const { id, source, target, ...attributes } = l;
    graph.addDirectedEdgeWithKey(id, source, target, attributes);
    newLinks++;
  }
  return { nodes: newNodes.size, links: newLinks, newNodes };
}

export function buildViewerGraph(nodes: readonly GraphNode[], links: readonly Link[]): ViewerGraph {
  const graph: ViewerGraph = new MultiDirectedGraph();
  addToGraph(graph, nodes, links);
  return graph;
}
