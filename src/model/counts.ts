import { FLOW_PREDICATE, ROUTE_PREDICATE } from "./vocabulary.js";

/**
 * The one definition of each count kg shows (`kg stats`, the API, the viewer, export messages),
 * as docs/model.md ("Counts") states them. Tools show these words next to their numbers.
 */
export const COUNT_DEFINITIONS = {
  articles: "articles in the store",
  entities: "entities the store knows: everything a claim names in any role, sources included",
  linkedEntities: "entities at an end of a link (the graph's nodes); entities named only as sources are not",
  claims: "claims: one assertion (or denial) of one sentence of one article",
  links: "links: the graph's edges, relation links, supply flows and route legs together",
  relationLinks: "relation links: one per subject, relation and object, however many claims state it",
  flows: "supply flows: one per supplier and recipient, from supply claims that name a recipient",
  routeLegs: "route legs: one per step of supplier → intermediary → recipient",
  sources:
    "independent supporting sources: who affirms it (an unattributed article counts as its publisher, " +
    "a story republished by several outlets once); sources that deny it are contesting, not counted",
  eventTime: "event time: the time the sentence states",
  reportTime: "report time: the date of the article; claims whose sentence states no time have only this",
} as const;

export type CountName = keyof typeof COUNT_DEFINITIONS;

/** Which kind of link a predicate makes. */
export function linkKind(predicate: string): "relationLinks" | "flows" | "routeLegs" {
  return predicate === FLOW_PREDICATE ? "flows" : predicate === ROUTE_PREDICATE ? "routeLegs" : "relationLinks";
}

export interface LinkCounts {
  links: number;
  relationLinks: number;
  flows: number;
  routeLegs: number;
}

/** Links split by kind, from per-predicate link counts. */
export function linkCounts(perPredicate: Readonly<Record<string, number>>): LinkCounts {
  const out: LinkCounts = { links: 0, relationLinks: 0, flows: 0, routeLegs: 0 };
  for (const [p, n] of Object.entries(perPredicate)) {
    out.links += n;
    out[linkKind(p)] += n;
  }
  return out;
}
