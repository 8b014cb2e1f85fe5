import { DEFAULT_RELATION_TYPES, FLOW_PREDICATE, ROUTE_PREDICATE } from "../../../src/model/vocabulary.js";
import type { PathKind } from "../state/view-state.js";
import type { ViewerGraph } from "./types.js";

/**
 * Paths that mean something: directed (a link is followed from its subject to its object, a flow
 * from supplier to recipient) and typed (which relations a step may be). Denied links are never
 * steps. The kinds are data, so that the panel says exactly what was searched.
 */
export const PATH_KINDS: Record<PathKind, { label: string; reading: string; predicates: readonly string[] | null }> = {
  supply: {
    label: "supply flows",
    reading: "supply flows and route legs (supplier → intermediary → recipient)",
    predicates: [FLOW_PREDICATE, ROUTE_PREDICATE],
  },
  materiel: {
    label: "supplies and components",
    reading: "supplies, components and products (supplier → item → part of → weapon)",
    predicates: ["SUPPLIES", "COMPONENT_OF", "PRODUCES"],
  },
  any: {
    label: "any relation",
    reading: "any relation in its direction (both ways for trade and cooperation)",
    predicates: null,
  },
};

const SYMMETRIC = new Set(DEFAULT_RELATION_TYPES.filter((r) => r.symmetric).map((r) => r.name));

export interface PathResult {
  nodes: string[];
  /** one link per step, in order */
  edges: string[];
}

/**
 * The shortest directed path of the kind from one entity to another over the links `allowed`
 * keeps (the filters), or null. Among parallel links of one step the best-sourced is taken.
 */
export function directedPath(
  graph: ViewerGraph,
  from: string,
  to: string,
  kind: PathKind,
  allowed: (edge: string) => boolean,
): PathResult | null {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  if (from === to) return { nodes: [from], edges: [] };
  const types = PATH_KINDS[kind].predicates;
  const step = (edge: string): boolean => {
    const a = graph.getEdgeAttributes(edge);
    return !a.negated && (types === null || types.includes(a.predicate)) && allowed(edge);
  };
  const via = new Map<string, { prev: string; edge: string }>();
  const seen = new Set([from]);
  let frontier = [from];
  while (frontier.length > 0 && !seen.has(to)) {
    const next: string[] = [];
    for (const n of frontier) {
      // the best-sourced link to each neighbour of this node
      const best = new Map<string, { edge: string; sources: number }>();
      const offer = (edge: string, other: string) => {
        if (seen.has(other) || !step(edge)) return;
        const sources = graph.getEdgeAttribute(edge, "sourceCount");
        const b = best.get(other);
        if (!b || sources > b.sources) best.set(other, { edge, sources });
      };
      graph.forEachOutEdge(n, (edge, _a, _s, t) => offer(edge, t));
      graph.forEachInEdge(n, (edge, a, s) => {
        if (SYMMETRIC.has(a.predicate)) offer(edge, s);
      });
      for (const [other, { edge }] of [...best.entries()].sort(([a], [b]) => (a < b ? -1 : 1))) {
        seen.add(other);
        via.set(other, { prev: n, edge });
        next.push(other);
      }
    }
    frontier = next;
  }
  if (!seen.has(to)) return null;
  const nodes = [to];
  const edges: string[] = [];
  for (let n = to; n !== from;) {
    const v = via.get(n)!;
    edges.unshift(v.edge);
    nodes.unshift(v.prev);
    n = v.prev;
  }
  return { nodes, edges };
}

export interface PathAnswer {
  path: PathResult | null;
  /** when there is no path: what else was found, for the panel to say */
  reverse: boolean;
  otherKinds: PathKind[];
}

/** The path, and when there is none, whether one exists the other way or of another kind. */
export function findPath(
  graph: ViewerGraph,
  from: string,
  to: string,
  kind: PathKind,
  allowed: (edge: string) => boolean,
): PathAnswer {
  const path = directedPath(graph, from, to, kind, allowed);
  if (path) return { path, reverse: false, otherKinds: [] };
  const reverse = directedPath(graph, to, from, kind, allowed) !== null;
  const otherKinds = (Object.keys(PATH_KINDS) as PathKind[]).filter(
    (k) => k !== kind && directedPath(graph, from, to, k, allowed) !== null,
  );
  return { path: null, reverse, otherKinds };
}
