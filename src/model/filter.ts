import { z } from "zod";
import { foldName } from "./names.js";
import type { Link } from "./link.js";
import { FLOW_PREDICATE, FLOW_RELATION, PredicateNameSchema, ROUTE_PREDICATE } from "./vocabulary.js";

/**
 * The subgraph filters shared by `kg export`, `GET /api/export`, `GET /api/graph` and the
 * viewer. Pure data + predicates so the browser and the server filter identically. Names of
 * relation and entity types are accepted in any case ("supplies", "country").
 */
const csv = <T extends z.ZodTypeAny>(item: T, normalise: (s: string) => string = (s) => s) =>
  z.preprocess(
    (v) =>
      typeof v === "string"
        ? v
            .split(",")
            .map((s) => normalise(s.trim()))
            .filter(Boolean)
        : Array.isArray(v)
          ? v.map((s) => (typeof s === "string" ? normalise(s) : s))
          : v,
    z.array(item),
  );

const names = () => csv(z.string().min(1)).optional();

export const GraphFilterSchema = z
  .object({
    /** entity id or name to centre on */
    focus: z.string().min(1).optional(),
    hops: z.coerce.number().int().min(0).max(10).default(1),
    predicates: csv(PredicateNameSchema, (s) => s.toUpperCase()).optional(),
    /** entity types; matched without regard to case */
    types: csv(
      z.string().regex(/^[A-Za-z][A-Za-z0-9]{0,63}$/, "entity type must be a name (A-Z, a-z, 0-9)"),
    ).optional(),
    /** sources (who said it: attributions, or the publisher of an unattributed article) */
    sources: names(),
    /** supply links, flows and routes to any of these recipients */
    recipients: names(),
    /** supply links, flows and routes through any of these intermediaries */
    via: names(),
    /** supply links, flows and routes of any of these items */
    items: names(),
    /** supply links, flows and routes from any of these countries (the supplier, or where it is located) */
    supplierCountries: names(),
    /** event years (what the sentences say): links with only report times are left out */
    fromYear: z.coerce.number().int().min(1000).max(9999).optional(),
    toYear: z.coerce.number().int().min(1000).max(9999).optional(),
    minSources: z.coerce.number().int().min(0).default(0),
    hideNegated: z
      .preprocess((v) => (v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : v), z.boolean())
      .default(false),
    hideContested: z
      .preprocess((v) => (v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : v), z.boolean())
      .default(false),
  })
  .strict()
  .refine((f) => f.fromYear === undefined || f.toYear === undefined || f.fromYear <= f.toYear, {
    message: "fromYear must not be after toYear",
    path: ["fromYear"],
  });
export type GraphFilter = z.infer<typeof GraphFilterSchema>;

/** The filter keys that narrow links (all but focus and hops), in the order tools list them. */
export const LINK_FILTER_KEYS = [
  "predicates",
  "types",
  "sources",
  "recipients",
  "via",
  "items",
  "supplierCountries",
  "fromYear",
  "toYear",
  "minSources",
  "hideNegated",
  "hideContested",
] as const satisfies ReadonlyArray<keyof GraphFilter>;

/**
 * What names stand for: a value given in a filter may be an entity's id, name or alias, and a
 * supplier's country may be the supplier itself or where it is. Without it, values match names
 * as written (folded).
 */
export interface FilterNames {
  /** folded names and ids a filter value may appear as */
  expand(value: string): Iterable<string>;
  /** folded names and ids of the countries an entity is, or is located in */
  countriesOf(entityId: string): Iterable<string>;
}

const PLAIN_NAMES: FilterNames = { expand: (v) => [foldName(v)], countriesOf: () => [] };

/** Links a recipient, via, item or supplier-country filter can apply to. */
const SUPPLY_PREDICATES: ReadonlySet<string> = new Set([FLOW_RELATION, FLOW_PREDICATE, ROUTE_PREDICATE]);

export type LinkTest = (link: Link) => boolean;

/** Compiles the link-level filters (everything but focus/hops and entity types) into one test. */
export function compileLinkFilter(f: GraphFilter, context: FilterNames = PLAIN_NAMES): LinkTest {
  const wanted = (values: string[] | undefined): Set<string> | null => {
    if (!values || values.length === 0) return null;
    const out = new Set<string>();
    for (const v of values) for (const n of context.expand(v)) out.add(n);
    return out;
  };
  const predicates = f.predicates && f.predicates.length > 0 ? new Set(f.predicates) : null;
  const sources = wanted(f.sources);
  const recipients = wanted(f.recipients);
  const via = wanted(f.via);
  const items = wanted(f.items);
  const countries = wanted(f.supplierCountries);
  const anyIn = (values: readonly string[], set: Set<string>) => values.some((v) => set.has(foldName(v)));
  return (link) => {
    if (predicates && !predicates.has(link.predicate)) return false;
    if (sources && !anyIn(link.sources, sources)) return false;
    if (f.fromYear !== undefined && (link.lastYear === null || link.lastYear < f.fromYear)) return false;
    if (f.toYear !== undefined && (link.firstYear === null || link.firstYear > f.toYear)) return false;
    if (link.sourceCount < f.minSources) return false;
    if (f.hideNegated && link.negated) return false;
    if (f.hideContested && link.contested) return false;
    if (!recipients && !via && !items && !countries) return true;
    if (!SUPPLY_PREDICATES.has(link.predicate)) return false;
    const flow = link.predicate === FLOW_PREDICATE;
    if (recipients && !(anyIn(link.recipients, recipients) || (flow && recipients.has(link.target)))) return false;
    if (via && !anyIn(link.via, via)) return false;
    if (items) {
      const itemOk =
        link.predicate === FLOW_RELATION
          ? items.has(link.target)
          : anyIn(link.items, items) || anyIn(link.deniedItems, items);
      if (!itemOk) return false;
    }
    if (countries) {
      // a route leg may start at an intermediary: its supplier is the first stop of its routes
      const suppliers = link.predicate === ROUTE_PREDICATE ? link.routes.map((r) => r.split(" → ")[0]!) : [link.source];
      const ok = suppliers.some(
        (s) => countries.has(foldName(s)) || [...context.countriesOf(s)].some((c) => countries.has(c)),
      );
      if (!ok) return false;
    }
    return true;
  };
}

/** Does a link pass the link-level filters? (One-off; compile once for many links.) */
export function linkPasses(link: Link, f: GraphFilter, context?: FilterNames): boolean {
  return compileLinkFilter(f, context)(link);
}

/** An entity-type test that ignores case ("country" is Country); null when types do not narrow. */
export function compileTypeFilter(f: Pick<GraphFilter, "types">): ((type: string) => boolean) | null {
  if (!f.types || f.types.length === 0) return null;
  const types = new Set(f.types.map((t) => t.toLowerCase()));
  return (type) => types.has(type.toLowerCase());
}
