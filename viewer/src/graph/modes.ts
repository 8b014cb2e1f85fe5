import { isDerivedPredicate } from "../../../src/model/vocabulary.js";
import type { Mode, ViewFilter } from "../state/view-state.js";

/**
 * The two views of the graph: relation links (subject → object, as the claims state them), and
 * supply flows (supplier → recipient, with route legs through intermediaries). A mode is a filter
 * on the predicates, so the server's export of a view is asked with the same parameters.
 */
export const MODES: Record<Mode, { label: string; linkNoun: [string, string]; has: (predicate: string) => boolean }> = {
  relations: {
    label: "Relations",
    linkNoun: ["relation link", "relation links"],
    has: (p) => !isDerivedPredicate(p),
  },
  flows: {
    label: "Supply flows",
    linkNoun: ["supply flow or route leg", "supply flows and route legs"],
    has: (p) => isDerivedPredicate(p),
  },
};

/**
 * The filter a mode shows: its predicates among those the graph has (narrowed by the user's
 * predicate filter, which lists relation types; flows have their own).
 */
export function modeFilter(mode: Mode, filter: ViewFilter, predicates: Iterable<string>): ViewFilter {
  const all = [...predicates].filter(MODES[mode].has).sort();
  const wanted = mode === "relations" && filter.predicates?.length ? filter.predicates.filter(MODES[mode].has) : all;
  // an empty list would mean "no filter": nothing of this mode is then asked for by a name no link has
  return { ...filter, predicates: wanted.length > 0 ? wanted : ["NONE"] };
}
