import { filterGraph } from "../graph/filter.js";
import type { KnowledgeGraph } from "../graph/build.js";
import { GraphFilterSchema, LINK_FILTER_KEYS, type FilterNames, type GraphFilter } from "../model/filter.js";

/**
 * Why a filter kept what it kept: how many links each narrowing option lets through on its own,
 * and how many links the year filters leave out only because their sentences state no time (they
 * have a report time, the article's date, and no event time). So that an export that finds
 * nothing can say which option emptied it, instead of writing an empty file.
 */
export interface FilterReport {
  /** links of the graph the filter ran on */
  total: number;
  /** each option that narrows, with the links it alone lets through */
  options: Array<{ key: keyof GraphFilter; passes: number }>;
  /** with a year filter: links passing every other option whose claims all lack an event time */
  reportTimeOnly: { links: number; claims: number } | null;
}

const DEFAULTS = GraphFilterSchema.parse({});

function narrows(filter: GraphFilter, key: keyof GraphFilter): boolean {
  const v = filter[key];
  if (Array.isArray(v)) return v.length > 0;
  if (key === "hops") return filter.focus !== undefined;
  return v !== undefined && v !== DEFAULTS[key];
}

export function filterReport(graph: KnowledgeGraph, filter: GraphFilter, names?: FilterNames): FilterReport {
  const options: FilterReport["options"] = [];
  const alone = (patch: Partial<GraphFilter>) => filterGraph(graph, { ...DEFAULTS, ...patch }, names).size;
  if (filter.focus !== undefined) {
    options.push({ key: "focus", passes: alone({ focus: filter.focus, hops: filter.hops }) });
  }
  for (const key of LINK_FILTER_KEYS) {
    if (narrows(filter, key)) options.push({ key, passes: alone({ [key]: filter[key] }) });
  }
  let reportTimeOnly: FilterReport["reportTimeOnly"] = null;
  if (filter.fromYear !== undefined || filter.toYear !== undefined) {
    const others = filterGraph(graph, { ...filter, fromYear: undefined, toYear: undefined }, names);
    reportTimeOnly = { links: 0, claims: 0 };
    others.forEachEdge((_e, a) => {
      if (a.firstYear !== null) return;
      reportTimeOnly!.links++;
      reportTimeOnly!.claims += a.claimsWithoutEventTime;
    });
  }
  return { total: graph.size, options, reportTimeOnly };
}
