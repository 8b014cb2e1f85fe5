import type { Vocab } from "../vocab/vocab.js";
import { escapeRegExp } from "./patterns.js";

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
  /** a capital or seat of power standing for its state ("Kyiv region" is a place, though) */
  metonym?: boolean;
}

export interface Gazetteer {
  surfaces: Map<string, GazetteerHit>;
  /** one alternation of every surface, longest first; run it with `execNotAfter(…, NOT_AFTER_NAME)` */
  pattern: RegExp;
  /** run it with `execNotAfter(…, NOT_AFTER_DEMONYM)` */
  demonymPattern: RegExp;
}

/** what may not come right before a name (a letter or digit: "Iranian" inside "Pre-Iranian" is no hit) */
export const NOT_AFTER_NAME = /[\p{L}\p{N}]$/u;
export const NOT_AFTER_DEMONYM = /[\p{L}\p{N}-]$/u;

/**
 * `re.exec(s)` for a global unicode pattern that must not match right after `notAfter`. The same
 * matches as a leading lookbehind `(?<!…)` in the pattern, but the lookbehind, tried at every
 * position of every sentence, cost more than the rest of the pattern: here it is only checked
 * where a match starts, and the scan resumes one code point later, as the regex itself would.
 */
export function execNotAfter(re: RegExp, s: string, notAfter: RegExp): RegExpExecArray | null {
  for (;;) {
    const m = re.exec(s);
    if (!m) return null;
    const p = m.index;
    if (p === 0 || !notAfter.test(s.slice(Math.max(0, p - 2), p))) return m;
    re.lastIndex = p + (s.codePointAt(p)! > 0xffff ? 2 : 1);
  }
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
    for (const m of c.metonyms) {
      const hit: GazetteerHit = {
        type: "Country",
        name: c.name,
        reason: "capital or seat of power standing for the state",
        metonym: true,
      };
      add(m, hit);
      // a lower-case metonym ("occupying forces") may open a sentence
      if (/^\p{Ll}/u.test(m)) add(m[0]!.toUpperCase() + m.slice(1), hit);
    }
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
  const pattern = new RegExp(`(?:${all.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}$])`, "gu");
  const dem = [...new Set(demonyms)].sort((a, b) => b.length - a.length);
  const demonymPattern = new RegExp(`(?:${dem.map(escapeRegExp).join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return { surfaces, pattern, demonymPattern };
}
