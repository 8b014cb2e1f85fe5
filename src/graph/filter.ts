import { compileLinkFilter, compileTypeFilter, type FilterNames, type GraphFilter } from "../model/filter.js";
import { filterNamesOf, type NamedEntity } from "../model/filter-names.js";
import { foldName } from "../model/names.js";
import type { EntityNodeAttributes, KnowledgeGraph } from "./build.js";

/** Finds a node by id, name or alias (case- and accent-insensitive). */
export function findNode(graph: KnowledgeGraph, idOrName: string): string | undefined {
  if (graph.hasNode(idOrName)) return idOrName;
  const wanted = foldName(idOrName);
  return graph.findNode(
    (_id, a: EntityNodeAttributes) => foldName(a.name) === wanted || a.aliases.some((x) => foldName(x) === wanted),
  );
}

export class UnknownFocusError extends Error {
  constructor(readonly focus: string) {
    super(`focus: no entity named or with id "${focus}"`);
    this.name = "UnknownFocusError";
  }
}

/**
 * What filter values stand for in this graph: its nodes' names and aliases, plus `more` entities
 * (the store's, which include entities named only as sources: "OFAC" is an alias of the Office
 * of Foreign Assets Control), and where suppliers are located.
 */
export function graphFilterNames(graph: KnowledgeGraph, more: Iterable<NamedEntity> = []): FilterNames {
  const entities: NamedEntity[] = graph.mapNodes((id, a) => ({ id, type: a.type, name: a.name, aliases: a.aliases }));
  for (const e of more) if (!graph.hasNode(e.id)) entities.push(e);
  return filterNamesOf(
    entities,
    graph.mapEdges((_e, a, source, target) => ({ source, target, predicate: a.predicate, negated: a.negated })),
  );
}

/**
 * The subgraph that passes the filters: links filtered first, then entity types, then the
 * neighbourhood of the focus within `hops` (over the links that passed, in either direction).
 */
export function filterGraph(
  graph: KnowledgeGraph,
  filter: GraphFilter,
  names: FilterNames = graphFilterNames(graph),
): KnowledgeGraph {
  const out = graph.nullCopy() as KnowledgeGraph;
  const typeOk = compileTypeFilter(filter);
  const passes = compileLinkFilter(filter, names);
  const keepNode = (id: string) => !typeOk || typeOk(graph.getNodeAttribute(id, "type"));
  graph.forEachEdge((id, attributes, source, target) => {
    if (!keepNode(source) || !keepNode(target)) return;
    if (!passes({ id, source, target, ...attributes })) return;
    if (!out.hasNode(source)) out.addNode(source, graph.getNodeAttributes(source));
    if (!out.hasNode(target)) out.addNode(target, graph.getNodeAttributes(target));
    out.addDirectedEdgeWithKey(id, source, target, attributes);
  });
  if (filter.focus === undefined) return out;

  const focus = findNode(graph, filter.focus);
  if (focus === undefined) throw new UnknownFocusError(filter.focus);
  if (!out.hasNode(focus)) out.addNode(focus, graph.getNodeAttributes(focus));
  const keep = new Set([focus]);
  let frontier = [focus];
  for (let hop = 0; hop < filter.hops && frontier.length > 0; hop++) {
    const next: string[] = [];
    for (const n of frontier) {
      out.forEachNeighbor(n, (m) => {
        if (!keep.has(m)) {
          keep.add(m);
          next.push(m);
        }
      });
    }
    frontier = next;
  }
  out.forEachNode((n) => {
    if (!keep.has(n)) out.dropNode(n);
  });
  return out;
}
