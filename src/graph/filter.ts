import type { GraphFilter } from "../model/filter.js";
import { linkPasses } from "../model/filter.js";
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
 * The subgraph that passes the filters: links filtered first, then entity types, then the
 * neighbourhood of the focus within `hops` (over the links that passed, in either direction).
 */
export function filterGraph(graph: KnowledgeGraph, filter: GraphFilter): KnowledgeGraph {
  const out = graph.nullCopy() as KnowledgeGraph;
  const types = filter.types && filter.types.length > 0 ? new Set(filter.types) : null;
  const keepNode = (id: string) => !types || types.has(graph.getNodeAttribute(id, "type"));
  graph.forEachEdge((id, attributes, source, target) => {
    if (!keepNode(source) || !keepNode(target)) return;
    if (!linkPasses({ id, source, target, ...attributes }, filter)) return;
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
