import type { FilterNames } from "./filter.js";
import { foldName } from "./names.js";

/**
 * FilterNames from the entities a backend knows and the links between them: a value stands for
 * the entity whose id, name or alias it is (and then for all its names), and a supplier's
 * countries are itself when it is a country, and the countries it is affirmed to be located in
 * or affiliated with.
 */
export interface NamedEntity {
  id: string;
  type: string;
  name: string;
  aliases: readonly string[];
}

export interface PlacingLink {
  source: string;
  target: string;
  predicate: string;
  negated: boolean;
}

const PLACING = new Set(["LOCATED_IN", "AFFILIATED_WITH"]);

export function filterNamesOf(entities: Iterable<NamedEntity>, links: Iterable<PlacingLink> = []): FilterNames {
  const byName = new Map<string, NamedEntity[]>();
  const byId = new Map<string, NamedEntity>();
  const allNames = (e: NamedEntity) => [e.id, foldName(e.name), ...e.aliases.map(foldName)];
  for (const e of entities) {
    byId.set(e.id, e);
    for (const n of allNames(e)) {
      const list = byName.get(n);
      if (list) list.push(e);
      else byName.set(n, [e]);
    }
  }
  const countries = new Map<string, Set<string>>();
  const addCountry = (from: string, country: NamedEntity) => {
    let set = countries.get(from);
    if (!set) countries.set(from, (set = new Set()));
    for (const n of allNames(country)) set.add(n);
  };
  for (const e of byId.values()) if (e.type === "Country") addCountry(e.id, e);
  for (const l of links) {
    if (!PLACING.has(l.predicate) || l.negated) continue;
    const place = byId.get(l.target);
    if (place?.type === "Country") addCountry(l.source, place);
  }
  return {
    expand: (value) => {
      const folded = foldName(value);
      const out = new Set([value, folded]);
      for (const e of byName.get(folded) ?? byName.get(value) ?? []) for (const n of allNames(e)) out.add(n);
      return out;
    },
    countriesOf: (idOrName) => {
      const direct = countries.get(idOrName);
      if (direct) return direct;
      // route texts name their supplier as written
      const out = new Set<string>();
      for (const e of byName.get(foldName(idOrName)) ?? []) for (const n of countries.get(e.id) ?? []) out.add(n);
      return out;
    },
  };
}
