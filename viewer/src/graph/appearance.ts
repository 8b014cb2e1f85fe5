import type { SizeBy } from "../state/view-state.js";
import type { ViewerEdgeAttributes, ViewerGraph, ViewerNodeAttributes } from "./types.js";

/**
 * Visual encodings, all in one place: node colour = entity type, node size = degree or claims,
 * edge colour = predicate, edge width = independent sources; negated and contested links get
 * colours no predicate uses.
 */

/** Entity types of the default vocabulary; other (configured) types get colours from SPARE. */
const TYPE_COLOURS: Record<string, string> = {
  Country: "#2f6db5",
  Organization: "#8e44ad",
  Person: "#c0392b",
  Item: "#16a085",
  Weapon: "#b7950b",
  Place: "#7f8c8d",
  Facility: "#d35400",
  Group: "#2c3e50",
};

const PREDICATE_COLOURS: Record<string, string> = {
  SUPPLIES: "#1f77b4",
  TRADES_WITH: "#17becf",
  COMPONENT_OF: "#2ca02c",
  PRODUCES: "#9467bd",
  USES: "#8c564b",
  ATTACKS: "#d62728",
  SANCTIONS: "#e377c2",
  COOPERATES_WITH: "#bcbd22",
  AFFILIATED_WITH: "#6b7b8c",
  LOCATED_IN: "#a0a0a0",
};

const SPARE = ["#1abc9c", "#e84393", "#0984e3", "#6c5ce7", "#00b894", "#fd79a8", "#636e72", "#2d3436"];

export const NEGATED_COLOUR = "#c4c4c4";
export const CONTESTED_COLOUR = "#f39c12";
export const FADED_NODE_COLOUR = "#e4e7eb";
export const FADED_EDGE_COLOUR = "#eef0f2";
export const HIGHLIGHT_EDGE_COLOUR = "#e0115f";

function spareColour(key: string): string {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return SPARE[h % SPARE.length]!;
}

export function typeColour(type: string): string {
  return TYPE_COLOURS[type] ?? spareColour(type);
}

export function predicateColour(predicate: string): string {
  return PREDICATE_COLOURS[predicate] ?? spareColour(predicate);
}

export function edgeColour(e: Pick<ViewerEdgeAttributes, "predicate" | "negated" | "contested">): string {
  if (e.negated) return NEGATED_COLOUR;
  if (e.contested) return CONTESTED_COLOUR;
  return predicateColour(e.predicate);
}

/** Width in pixels: one source is a hairline, each further independent source thickens it. */
export function edgeWidth(sourceCount: number, scale = 1): number {
  return Math.max(1, Math.min(2 + 2 * Math.max(0, sourceCount - 1), 10) * scale);
}

/** Node radius in pixels; square root so that area, not radius, grows with the count. */
export function nodeSize(n: Pick<ViewerNodeAttributes, "degree" | "claims">, by: SizeBy, scale = 1): number {
  const value = by === "degree" ? n.degree : n.claims;
  return Math.max(2, Math.min(4 + 3 * Math.sqrt(Math.max(0, value)), 28) * scale);
}

/**
 * Sizes are screen pixels, so a big graph at the default zoom would be a solid disc: beyond a
 * couple of hundred entities every size shrinks with the square root of the count (to a floor).
 */
export function sizeScale(order: number): number {
  return order <= 200 ? 1 : Math.max(0.35, Math.sqrt(200 / order));
}

/** Sets colour and size attributes once (not in reducers), so rendering stays cheap. */
export function applyAppearance(graph: ViewerGraph, sizeBy: SizeBy): void {
  // in place, without copying attribute objects: this runs on every node and link
  const scale = sizeScale(graph.order);
  graph.updateEachNodeAttributes(
    (_id, a) => {
      a.color = typeColour(a.type);
      a.size = nodeSize(a, sizeBy, scale);
      return a;
    },
    { attributes: ["color", "size"] },
  );
  graph.updateEachEdgeAttributes(
    (_id, a) => {
      a.color = edgeColour(a);
      a.size = edgeWidth(a.sourceCount, scale);
      return a;
    },
    { attributes: ["color", "size"] },
  );
}
