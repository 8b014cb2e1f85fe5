import { linkPasses } from "../../../src/model/filter.js";
import type { ViewFilter } from "../state/view-state.js";
import type { ViewerGraph } from "./types.js";

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
}

/**
 * What the filters leave visible. Same rule as the server's filterGraph (so an export of the
 * view matches it): a link shows when it passes the link filters and both ends pass the type
 * filter; an entity shows when at least one of its links shows.
 */
export function computeVisibility(graph: ViewerGraph, filter: ViewFilter): Visibility {
  const types = filter.types && filter.types.length > 0 ? new Set(filter.types) : null;
  const full = { ...filter, hops: 1 };
  const nodes = new Set<string>();
  const edges = new Set<string>();
  graph.forEachEdge((id, attributes, source, target, sa, ta) => {
    if (types && (!types.has(sa.type) || !types.has(ta.type))) return;
    if (!linkPasses({ id, source, target, ...attributes }, full)) return;
    edges.add(id);
    nodes.add(source);
    nodes.add(target);
  });
  return { nodes, edges };
}

/** An entity and its direct neighbours over visible links (for the search focus). */
export function neighbourhood(graph: ViewerGraph, visibility: Visibility, node: string): Visibility {
  const nodes = new Set<string>([node]);
  const edges = new Set<string>();
  if (!graph.hasNode(node)) return { nodes, edges };
  graph.forEachEdge(node, (id, _a, source, target) => {
    if (!visibility.edges.has(id)) return;
    edges.add(id);
    nodes.add(source);
    nodes.add(target);
  });
  return { nodes, edges };
}
