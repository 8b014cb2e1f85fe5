import { FLOW_PREDICATE, ROUTE_PREDICATE } from "../../../src/model/vocabulary.js";
import type { SizeBy } from "../state/view-state.js";
import type { ViewerEdgeAttributes, ViewerGraph, ViewerNodeAttributes } from "./types.js";

/**
 * Visual encodings, all in one place: node colour = entity type, node size = degree or claims,
 * edge colour = relation, edge width = independent supporting sources; denied and contested
 * links, the path and the selection get colours of their own. Entity types are dark, saturated
 * colours and relations lighter ones, chosen so that no two of all these are alike (at least 20
 * apart in CIE L*a*b*, checked by test/viewer-graph.test.ts): a blue dot is never a blue link.
 */

/** Entity types of the default vocabulary; other (configured) types get colours from SPARE_TYPES. */
export const TYPE_COLOURS: Readonly<Record<string, string>> = {
  Country: "#1f4e9c",
  Organization: "#7b3fa0",
  Person: "#b03a2e",
  Item: "#138a72",
  Weapon: "#7d6608",
  Place: "#6c7a89",
  Facility: "#ca6f1e",
  Group: "#1b2631",
};

export const PREDICATE_COLOURS: Readonly<Record<string, string>> = {
  SUPPLIES: "#29b6f6",
  [FLOW_PREDICATE]: "#00bcd4",
  [ROUTE_PREDICATE]: "#aed581",
  TRADES_WITH: "#48c9b0",
  COMPONENT_OF: "#43a047",
  PRODUCES: "#bb8fce",
  USES: "#8d6e63",
  ATTACKS: "#ff1744",
  SANCTIONS: "#f06292",
  COOPERATES_WITH: "#d4ac0d",
  AFFILIATED_WITH: "#7986cb",
  LOCATED_IN: "#bcaaa4",
};

const SPARE_TYPES = ["#0b5345", "#4a235a", "#78281f", "#1b4f72", "#7e5109", "#424949"];
const SPARE_PREDICATES = ["#f8c471", "#85c1e9", "#f1948a", "#a9dfbf", "#d7bde2", "#f9e79f"];

export const NEGATED_COLOUR = "#e0e0e0";
export const CONTESTED_COLOUR = "#ffa000";
export const PATH_COLOUR = "#ff00a0";
export const FADED_NODE_COLOUR = "#e4e7eb";
export const FADED_EDGE_COLOUR = "#eef0f2";
/** the selected link is drawn like the path, thicker */
export const HIGHLIGHT_EDGE_COLOUR = PATH_COLOUR;

function spare(palette: readonly string[], key: string): string {
  let h = 0;
  for (let i = 0; i < key.length; i++) h = (h * 31 + key.charCodeAt(i)) >>> 0;
  return palette[h % palette.length]!;
}

export function typeColour(type: string): string {
  return TYPE_COLOURS[type] ?? spare(SPARE_TYPES, type);
}

export function predicateColour(predicate: string): string {
  return PREDICATE_COLOURS[predicate] ?? spare(SPARE_PREDICATES, predicate);
}

export function edgeColour(e: Pick<ViewerEdgeAttributes, "predicate" | "negated" | "contested">): string {
  if (e.negated) return NEGATED_COLOUR;
  if (e.contested) return CONTESTED_COLOUR;
  return predicateColour(e.predicate);
}

/** How a relation reads in labels and lists: "supplies to", "component of". */
export function predicateLabel(predicate: string): string {
  if (predicate === FLOW_PREDICATE) return "supplies to (flow)";
  if (predicate === ROUTE_PREDICATE) return "route leg";
  return predicate.replace(/_/g, " ").toLowerCase();
}

const LABEL_MAX = 48;

/** A link's label on demand: the items on a flow or leg, the relation on others. */
export function edgeLabel(e: Pick<ViewerEdgeAttributes, "predicate" | "items" | "deniedItems">): string {
  if (e.predicate !== FLOW_PREDICATE && e.predicate !== ROUTE_PREDICATE) return predicateLabel(e.predicate);
  const items = [...e.items, ...e.deniedItems.map((i) => `not ${i}`)].join(", ");
  return items.length > LABEL_MAX ? `${items.slice(0, LABEL_MAX - 1)}…` : items;
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

/** Sets colour, size and label attributes once (not in reducers), so rendering stays cheap. */
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
      a.label = edgeLabel(a);
      return a;
    },
    { attributes: ["color", "size", "label"] },
  );
}
