import { FLOW_PREDICATE, ROUTE_PREDICATE } from "../../../src/model/vocabulary.js";
import type { ViewerGraph } from "./types.js";

/** What the loaded graph contains, for the filter panel and the legend. */
export interface Facets {
  /** predicate → number of links */
  predicates: Map<string, number>;
  /** predicate → claims behind its links */
  predicateClaims: Map<string, number>;
  /** entity type → number of entities */
  types: Map<string, number>;
  /** source → number of links it supports */
  sources: Map<string, number>;
  /** recipients of supply flows: entity id → name */
  recipients: Map<string, string>;
  /** countries supply flows come from (the supplier, or where it is): entity id → name */
  supplierCountries: Map<string, string>;
  /** intermediaries named on flows */
  via: string[];
  /** items on flows */
  items: string[];
  minYear: number | null;
  maxYear: number | null;
  maxSources: number;
}

const sortedByCount = (m: Map<string, number>) =>
  new Map([...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));
const byName = (m: Map<string, string>) => new Map([...m.entries()].sort((a, b) => a[1].localeCompare(b[1])));

export function computeFacets(graph: ViewerGraph): Facets {
  const predicates = new Map<string, number>();
  const predicateClaims = new Map<string, number>();
  const types = new Map<string, number>();
  const sources = new Map<string, number>();
  const recipients = new Map<string, string>();
  const supplierCountries = new Map<string, string>();
  const via = new Set<string>();
  const items = new Set<string>();
  let minYear: number | null = null;
  let maxYear: number | null = null;
  let maxSources = 0;
  const name = (id: string) => graph.getNodeAttribute(id, "name");
  const isCountry = (id: string) => graph.getNodeAttribute(id, "type") === "Country";
  graph.forEachNode((_id, a) => types.set(a.type, (types.get(a.type) ?? 0) + 1));
  graph.forEachEdge((_id, a, source, target) => {
    predicates.set(a.predicate, (predicates.get(a.predicate) ?? 0) + 1);
    predicateClaims.set(a.predicate, (predicateClaims.get(a.predicate) ?? 0) + a.claims);
    for (const s of a.sources) sources.set(s, (sources.get(s) ?? 0) + 1);
    if (a.firstYear !== null) minYear = minYear === null ? a.firstYear : Math.min(minYear, a.firstYear);
    if (a.lastYear !== null) maxYear = maxYear === null ? a.lastYear : Math.max(maxYear, a.lastYear);
    maxSources = Math.max(maxSources, a.sourceCount);
    if (a.predicate === FLOW_PREDICATE) {
      recipients.set(target, name(target));
      if (isCountry(source)) supplierCountries.set(source, name(source));
    }
    if (a.predicate === FLOW_PREDICATE || a.predicate === ROUTE_PREDICATE) {
      for (const v of a.via) via.add(v);
      for (const i of [...a.items, ...a.deniedItems]) items.add(i);
    }
  });
  // a firm's country, when a claim places it: its flows come from there too
  graph.forEachEdge((_id, a, source, target) => {
    if ((a.predicate === "LOCATED_IN" || a.predicate === "AFFILIATED_WITH") && !a.negated && isCountry(target)) {
      if (graph.someOutEdge(source, (_e, b) => b.predicate === FLOW_PREDICATE))
        supplierCountries.set(target, name(target));
    }
  });
  return {
    predicates: sortedByCount(predicates),
    predicateClaims,
    types: sortedByCount(types),
    sources: sortedByCount(sources),
    recipients: byName(recipients),
    supplierCountries: byName(supplierCountries),
    via: [...via].sort((a, b) => a.localeCompare(b)),
    items: [...items].sort((a, b) => a.localeCompare(b)),
    minYear,
    maxYear,
    maxSources,
  };
}
