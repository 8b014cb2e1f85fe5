import type { EntityType } from "../../src/model/vocabulary.js";
import type { ParsedToken } from "../parse/parsed.js";
import type { Vocab } from "../vocab/vocab.js";

/**
 * Surface form → entity, from the general vocabularies: country names and aliases, demonyms
 * ("Chinese"), capitals and seats of power standing for their state ("the Kremlin"), and the
 * organisations of organizations.json. Each surface carries why it maps to its entity, so every
 * merge can be audited. Matched on token boundaries of the parse, longest first.
 */

export interface GazetteerHit {
  type: EntityType;
  name: string;
  reason: string | null;
  /** an adjective of the country ("Chinese"): an origin or an actor's modifier */
  demonym?: boolean;
  /** a capital or seat of power standing for the state ("Kyiv region" stays a place) */
  metonym?: boolean;
}

export interface GazetteerMatch extends GazetteerHit {
  /** token range [begin, end) */
  begin: number;
  end: number;
  surface: string;
}

export interface Gazetteer {
  /** surfaces by their first word, longest first */
  byFirstWord: Map<string, Array<{ surface: string; hit: GazetteerHit }>>;
  /** canonical country names, for typing */
  countryNames: Set<string>;
  /** demonym of each country (first listed), for names like "Russian companies" */
  demonymOf: Map<string, string>;
}

const firstWord = (s: string) => s.split(/[\s’'-]/)[0]!;

export function buildGazetteer(vocab: Vocab): Gazetteer {
  const surfaces = new Map<string, GazetteerHit>();
  const add = (surface: string, hit: GazetteerHit) => {
    if (surface.length > 1 && !surfaces.has(surface)) surfaces.set(surface, hit);
  };
  for (const c of vocab.countries) add(c.name, { type: "Country", name: c.name, reason: null });
  for (const c of vocab.countries) {
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
      if (/^\p{Ll}/u.test(m)) add(m[0]!.toUpperCase() + m.slice(1), hit);
    }
    for (const d of c.demonyms) add(d, { type: "Country", name: c.name, reason: "demonym", demonym: true });
  }
  for (const o of vocab.organizations) {
    add(o.name, { type: o.type, name: o.name, reason: null });
    for (const a of o.aliases) add(a, { type: o.type, name: o.name, reason: "organisation alias (gazetteer)" });
    for (const d of o.demonyms) add(d, { type: o.type, name: o.name, reason: "adjective form", demonym: true });
  }
  const byFirstWord = new Map<string, Array<{ surface: string; hit: GazetteerHit }>>();
  for (const [surface, hit] of surfaces) {
    const k = firstWord(surface);
    const list = byFirstWord.get(k) ?? [];
    list.push({ surface, hit });
    byFirstWord.set(k, list);
  }
  for (const list of byFirstWord.values()) list.sort((a, b) => b.surface.length - a.surface.length);
  const demonymOf = new Map<string, string>();
  for (const c of vocab.countries) if (c.demonyms[0]) demonymOf.set(c.name, c.demonyms[0]);
  return { byFirstWord, countryNames: new Set(vocab.countries.map((c) => c.name)), demonymOf };
}

/** Every gazetteer surface in a sentence, longest first, on token boundaries, not overlapping. */
export function matchGazetteer(gaz: Gazetteer, tokens: readonly ParsedToken[], text: string): GazetteerMatch[] {
  const out: GazetteerMatch[] = [];
  const endAt = new Map<number, number>();
  tokens.forEach((t, i) => endAt.set(t.end, i));
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const word = text.slice(t.start, t.end);
    const key = firstWord(word);
    if (!key) continue;
    const candidates = gaz.byFirstWord.get(key) ?? (i === 0 ? gaz.byFirstWord.get(lowerFirst(key)) : undefined);
    if (!candidates) continue;
    for (const { surface, hit } of candidates) {
      const exact = text.startsWith(surface, t.start);
      if (!exact && !(i === 0 && text.startsWith(capitalise(surface), t.start))) continue;
      const j = endAt.get(t.start + surface.length);
      if (j === undefined) continue;
      out.push({ ...hit, begin: i, end: j + 1, surface: text.slice(t.start, t.start + surface.length) });
      i = j;
      break;
    }
  }
  return out;
}

const lowerFirst = (s: string) => s[0]!.toLowerCase() + s.slice(1);
const capitalise = (s: string) => s[0]!.toUpperCase() + s.slice(1);
