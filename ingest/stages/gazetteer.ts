import type { Vocab } from "../vocab/vocab.js";

/**
 * Surface form → entity, built from the vocabularies (countries, demonyms, capitals as
 * metonyms, organisations). Each surface carries
 * the reason it maps to its entity, so that every merge can be audited.
 */

export type ActorType = "Country" | "Organization" | "Person" | "Group" | "Facility" | "Place";

export interface GazetteerHit {
  type: ActorType;
  name: string;
  reason: string | null;
  /** a demonym ("Chinese"): an actor only before an actor noun, otherwise a modifier */
  demonym?: boolean;
}

export interface Gazetteer {
  surfaces: Map<string, GazetteerHit>;
  /** one alternation of every surface, longest first */
  pattern: RegExp;
  demonymPattern: RegExp;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

export function buildGazetteer(vocab: Vocab): Gazetteer {
  const surfaces = new Map<string, GazetteerHit>();
  const add = (surface: string, hit: GazetteerHit) => {
    if (!surfaces.has(surface)) surfaces.set(surface, hit);
  };
  const demonyms: string[] = [];
  for (const c of vocab.countries) {
    add(c.name, { type: "Country", name: c.name, reason: null });
    for (const a of c.aliases) add(a, { type: "Country", name: c.name, reason: "country alias (gazetteer)" });
  }
  for (const c of vocab.countries) {
    for (const m of c.metonyms)
      add(m, { type: "Country", name: c.name, reason: "capital or seat of power standing for the state" });
    for (const d of c.demonyms) {
      add(d, { type: "Country", name: c.name, reason: "demonym used as actor", demonym: true });
      demonyms.push(d);
    }
  }
  for (const o of vocab.organizations) {
    add(o.name, { type: o.type, name: o.name, reason: null });
    for (const a of o.aliases) add(a, { type: o.type, name: o.name, reason: "organisation alias (gazetteer)" });
    for (const d of o.demonyms) {
      add(d, { type: o.type, name: o.name, reason: "adjective form used as actor", demonym: true });
      demonyms.push(d);
    }
  }
  const all = [...surfaces.keys()]
    .filter((s) => !surfaces.get(s)!.demonym)
    .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${all.map(escape).join("|")})(?![\\p{L}\\p{N}$])`, "gu");
  const dem = [...new Set(demonyms)].sort((a, b) => b.length - a.length);
  const demonymPattern = new RegExp(`(?<![\\p{L}\\p{N}-])(?:${dem.map(escape).join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return { surfaces, pattern, demonymPattern };
}
