import type { ViewerGraph } from "./types.js";

/** What the loaded graph contains, for the filter panel and the legend. */
export interface Facets {
  /** predicate → number of links */
  predicates: Map<string, number>;
  /** entity type → number of entities */
  types: Map<string, number>;
  /** attribution → number of links */
  sources: Map<string, number>;
  minYear: number | null;
  maxYear: number | null;
  maxSources: number;
}

const sortedByCount = (m: Map<string, number>) =>
  new Map([...m.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])));

export function computeFacets(graph: ViewerGraph): Facets {
  const predicates = new Map<string, number>();
  const types = new Map<string, number>();
  const sources = new Map<string, number>();
  let minYear: number | null = null;
  let maxYear: number | null = null;
  let maxSources = 0;
  graph.forEachNode((_id, a) => types.set(a.type, (types.get(a.type) ?? 0) + 1));
  graph.forEachEdge((_id, a) => {
    predicates.set(a.predicate, (predicates.get(a.predicate) ?? 0) + 1);
    for (const s of a.sources) sources.set(s, (sources.get(s) ?? 0) + 1);
    if (a.firstYear !== null) minYear = minYear === null ? a.firstYear : Math.min(minYear, a.firstYear);
    if (a.lastYear !== null) maxYear = maxYear === null ? a.lastYear : Math.max(maxYear, a.lastYear);
    maxSources = Math.max(maxSources, a.sourceCount);
  });
  return {
    predicates: sortedByCount(predicates),
    types: sortedByCount(types),
    sources: sortedByCount(sources),
    minYear,
    maxYear,
    maxSources,
  };
}
