import { write as writeGexf } from "graphology-gexf/browser/index.js";
import type { Attributes } from "graphology-types";
import type { ViewerGraph } from "../graph/types.js";

/**
 * GEXF attributes must be scalars: lists (aliases, sources, articles, ...) are written as
 * "; "-joined text, and display-only attributes are left to GEXF's own viz fields.
 */
function flatten(a: Attributes): Attributes {
  const out: Attributes = {};
  for (const [k, v] of Object.entries(a)) {
    if (k === "claimIds") continue;
    out[k] = Array.isArray(v) ? v.join("; ") : v === null ? "" : v;
  }
  return out;
}

export function toGexf(graph: ViewerGraph): string {
  return writeGexf(graph, {
    formatNode: (key, a) => ({
      label: typeof a.name === "string" ? a.name : key,
      attributes: flatten({ type: a.type, aliases: a.aliases, claims: a.claims, degree: a.degree }),
      viz: { color: a.color, size: a.size, x: a.x, y: a.y },
    }),
    formatEdge: (_key, a) => {
      const { color, size, ...rest } = a;
      return { attributes: flatten(rest), viz: { color, thickness: size } };
    },
  });
}

/** The visible subgraph as the API's shapes: { nodes: GraphNode[], links: Link[] }. */
export function toJson(graph: ViewerGraph): string {
  const nodes = graph.mapNodes((id, a) => ({
    id,
    type: a.type,
    name: a.name,
    aliases: a.aliases,
    claims: a.claims,
    degree: a.degree,
  }));
  const links = graph.mapEdges((id, a, source, target) => {
    const { color: _c, size: _s, ...rest } = a;
    return { id, source, target, ...rest };
  });
  return JSON.stringify({ nodes, links }, null, 2);
}
