import { compileLinkFilter, compileTypeFilter, type FilterNames } from "../../../src/model/filter.js";
import { filterNamesOf } from "../../../src/model/filter-names.js";
import type { ViewFilter } from "../state/view-state.js";
import type { ViewerGraph } from "./types.js";

export interface Visibility {
  nodes: Set<string>;
  edges: Set<string>;
}

/** What filter values stand for in the viewer's graph (names, aliases, where suppliers are). */
export function viewerFilterNames(graph: ViewerGraph): FilterNames {
  return filterNamesOf(
    graph.mapNodes((id, a) => ({ id, type: a.type, name: a.name, aliases: a.aliases })),
    graph.mapEdges((_e, a, source, target) => ({ source, target, predicate: a.predicate, negated: a.negated })),
  );
}

/**
 * What the filters leave visible. Same rule as the server's filterGraph (so an export of the
 * view matches it): a link shows when it passes the link filters and both ends pass the type
 * filter; an entity shows when at least one of its links shows.
 */
export function computeVisibility(
  graph: ViewerGraph,
  filter: ViewFilter,
  names: FilterNames = viewerFilterNames(graph),
): Visibility {
  const typeOk = compileTypeFilter(filter);
  const passes = compileLinkFilter({ ...filter, hops: 1 }, names);
  const nodes = new Set<string>();
  const edges = new Set<string>();
  graph.forEachEdge((id, attributes, source, target, sa, ta) => {
    if (typeOk && (!typeOk(sa.type) || !typeOk(ta.type))) return;
    if (!passes({ id, source, target, ...attributes })) return;
    edges.add(id);
    nodes.add(source);
    nodes.add(target);
  });
  return { nodes, edges };
}

/**
 * An entity and its direct neighbours over visible links (for the search focus), with `also`:
 * visible links that concern it without ending at it (a supplier's link to an item sent to it).
 */
export function neighbourhood(
  graph: ViewerGraph,
  visibility: Visibility,
  node: string,
  also: Iterable<string> = [],
): Visibility {
  const nodes = new Set<string>([node]);
  const edges = new Set<string>();
  if (!graph.hasNode(node)) return { nodes, edges };
  const add = (id: string) => {
    if (!visibility.edges.has(id)) return;
    edges.add(id);
    for (const end of graph.extremities(id)) nodes.add(end);
  };
  graph.forEachEdge(node, (id) => add(id));
  for (const id of also) add(id);
  return { nodes, edges };
}

/** The entities with the most visible links: the ones whose labels are always drawn. */
export function keyNodes(graph: ViewerGraph, visibility: Visibility, count: number): Set<string> {
  const degree = new Map<string, number>();
  for (const e of visibility.edges) {
    const [s, t] = graph.extremities(e);
    degree.set(s, (degree.get(s) ?? 0) + 1);
    degree.set(t, (degree.get(t) ?? 0) + 1);
  }
  const ranked = [...degree.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  return new Set(ranked.slice(0, count).map(([n]) => n));
}
