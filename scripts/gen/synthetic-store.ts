import type { Article } from "../../src/model/article.js";
import { claimId, type Claim } from "../../src/model/claim.js";
import { entityId, type Entity } from "../../src/model/entity.js";
import type { StoreData } from "../../src/store/store.js";
import { seededRandom as rng } from "./random.js";

/**
 * A deterministic synthetic store for benchmarks and the interrupted-load test: the same seed and
 * size give the same articles, entities and claims, byte for byte. Shaped like the real data:
 * a few hub countries take most of the supply claims (China supplies, Russia receives), items
 * chain into weapons through COMPONENT_OF, most claims name one or two sources, some are denied.
 */

export interface SyntheticOptions {
  claims: number;
  seed?: number;
  /** claims per article (default 8) */
  claimsPerArticle?: number;
}

const COUNTRY_NAMES = [
  "China",
  "Russia",
  "Iran",
  "North Korea",
  "Belarus",
  "Turkey",
  "United Arab Emirates",
  "Kazakhstan",
  "Kyrgyzstan",
  "Armenia",
  "India",
  "Hong Kong SAR",
  "Finland",
  "Germany",
  "United States",
  "Ukraine",
  "Georgia",
  "Uzbekistan",
  "Serbia",
  "Malaysia",
  "Thailand",
  "Vietnam",
  "Estonia",
  "Latvia",
  "Lithuania",
  "Poland",
  "Japan",
  "South Korea",
  "Taiwan",
  "Singapore",
  "Brazil",
  "Egypt",
  "Syria",
  "Venezuela",
  "Cuba",
  "Mongolia",
  "Azerbaijan",
  "Tajikistan",
];
const ITEM_WORDS = [
  "ball bearings",
  "machine tools",
  "microelectronics",
  "nitrocellulose",
  "ammonium perchlorate",
  "drone engines",
  "thermal cameras",
  "fiber-optic cables",
  "lithium batteries",
  "gunpowder",
  "radars",
  "sensors",
  "servo motors",
  "titanium sheets",
  "carbon fiber",
  "navigation modules",
  "transceivers",
  "gyroscopes",
  "printed circuit boards",
  "semiconductors",
  "diesel engines",
  "steel alloys",
  "explosives",
  "propellant",
  "optics",
  "antennas",
  "capacitors",
];
const WEAPON_WORDS = [
  "Iskander missiles",
  "Shahed drones",
  "Kh-101 missiles",
  "Lancet drones",
  "T-90 tanks",
  "Orlan drones",
  "Kalibr missiles",
  "artillery shells",
  "glide bombs",
  "Geran drones",
  "KN-23 missiles",
  "Su-34 aircraft",
];
const PREDICATES: Array<[string, number]> = [
  ["SUPPLIES", 0.6],
  ["COMPONENT_OF", 0.1],
  ["PRODUCES", 0.08],
  ["TRADES_WITH", 0.05],
  ["USES", 0.05],
  ["SANCTIONS", 0.04],
  ["COOPERATES_WITH", 0.03],
  ["AFFILIATED_WITH", 0.02],
  ["ATTACKS", 0.02],
  ["LOCATED_IN", 0.01],
];

interface Pool {
  entities: Entity[];
  /** skewed pick: a few entities take most of the mentions */
  pick(r: () => number): Entity;
  uniform(r: () => number): Entity;
}

function pool(type: string, names: string[], skew: number): Pool {
  const seen = new Set<string>();
  const entities: Entity[] = [];
  for (const name of names) {
    const id = entityId(type, name);
    if (seen.has(id)) continue;
    seen.add(id);
    entities.push({ id, type, name, aliases: [], merges: [] });
  }
  return {
    entities,
    pick: (r) => entities[Math.min(entities.length - 1, Math.floor(entities.length * Math.pow(r(), skew)))]!,
    uniform: (r) => entities[Math.floor(r() * entities.length)]!,
  };
}

function numbered(words: string[], n: number, kind: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    const w = words[i % words.length]!;
    out.push(i < words.length ? w : `${w} ${kind}-${Math.floor(i / words.length)}`);
  }
  return out;
}

export function generateStore(opts: SyntheticOptions): StoreData {
  const r = rng(opts.seed ?? 42);
  const total = Math.max(0, Math.floor(opts.claims));
  const perArticle = opts.claimsPerArticle ?? 8;
  // pools grow with the data so that a million claims still make a sparse graph
  const scale = Math.max(1, Math.sqrt(total / 1000));
  const countries = pool("Country", COUNTRY_NAMES, 3);
  const companies = pool(
    "Organization",
    Array.from({ length: Math.ceil(200 * scale) }, (_, i) => `Trading Company ${i + 1}`),
    2,
  );
  const sources = pool(
    "Organization",
    Array.from({ length: Math.ceil(30 * scale) }, (_, i) => `Research Group ${i + 1}`),
    2,
  );
  const people = pool(
    "Person",
    Array.from({ length: Math.ceil(50 * scale) }, (_, i) => `Official Number ${i + 1}`),
    1,
  );
  const items = pool("Item", numbered(ITEM_WORDS, Math.ceil(150 * scale), "grade"), 2);
  const weapons = pool("Weapon", numbered(WEAPON_WORDS, Math.ceil(20 * scale), "variant"), 1.5);
  const places = pool(
    "Place",
    Array.from({ length: Math.ceil(40 * scale) }, (_, i) => `Port Town ${i + 1}`),
    1.5,
  );
  const supplier = () => (r() < 0.5 ? countries.pick(r) : companies.pick(r));
  const predicate = () => {
    let x = r();
    for (const [p, w] of PREDICATES) {
      if (x < w) return p;
      x -= w;
    }
    return "SUPPLIES";
  };

  const articles: Article[] = [];
  const claims: Claim[] = [];
  const nArticles = Math.ceil(total / perArticle);
  let made = 0;
  for (let ai = 0; ai < nArticles; ai++) {
    const id = `gen_${String(ai).padStart(7, "0")}`;
    const year = 2015 + Math.floor(r() * 11);
    const parts: string[] = [];
    let offset = 0;
    const articleClaims: Claim[] = [];
    const n = Math.min(perArticle, total - made);
    for (let k = 0; k < n; k++) {
      const p = predicate();
      let s: Entity;
      let o: Entity;
      let recipient: Entity | undefined;
      let via: Entity[] | undefined;
      switch (p) {
        case "SUPPLIES":
          s = supplier();
          o = r() < 0.85 ? items.pick(r) : weapons.pick(r);
          recipient = r() < 0.6 ? countries.entities[1]! : r() < 0.5 ? countries.pick(r) : companies.pick(r);
          if (recipient.id === s.id) recipient = undefined;
          if (r() < 0.1) via = [countries.uniform(r)].filter((v) => v.id !== s.id && v.id !== recipient?.id);
          break;
        case "COMPONENT_OF":
          s = items.pick(r);
          o = r() < 0.5 ? weapons.pick(r) : items.uniform(r);
          break;
        case "PRODUCES":
        case "USES":
          s = supplier();
          o = r() < 0.5 ? weapons.pick(r) : items.pick(r);
          break;
        case "AFFILIATED_WITH":
          s = people.uniform(r);
          o = r() < 0.5 ? countries.pick(r) : sources.uniform(r);
          break;
        case "LOCATED_IN":
          s = places.uniform(r);
          o = countries.pick(r);
          break;
        default:
          s = supplier();
          o = r() < 0.5 ? countries.pick(r) : companies.pick(r);
      }
      if (o.id === s.id) o = countries.entities[(countries.entities.indexOf(s) + 1) % countries.entities.length]!;
      const by = r() < 0.8 ? [sources.pick(r)] : [];
      if (by.length > 0 && r() < 0.15) {
        const second = sources.uniform(r);
        if (second.id !== by[0]!.id) by.push(second);
      }
      const negated = r() < 0.04;
      const time = r() < 0.6 ? String(year - Math.floor(r() * 3)) : undefined;
      const quote =
        `${s.name} ${negated ? "does not " : ""}${p.toLowerCase().replace(/_/g, " ")} ${o.name}` +
        (recipient ? ` to ${recipient.name}` : "") +
        (via && via.length > 0 ? ` through ${via.map((v) => v.name).join(" and ")}` : "");
      const sentence = `${quote}${by.length > 0 ? `, according to ${by.map((b) => b.name).join(" and ")}` : ""}. `;
      const start = offset;
      const end = start + quote.length;
      parts.push(sentence);
      offset += sentence.length;
      articleClaims.push({
        id: claimId({
          doc: id,
          start,
          end,
          subjectId: s.id,
          predicate: p,
          objectId: o.id,
          recipientId: recipient?.id,
          negated,
        }),
        doc: id,
        subject: s.name,
        subjectId: s.id,
        predicate: p,
        object: o.name,
        objectId: o.id,
        ...(recipient ? { recipient: recipient.name, recipientId: recipient.id } : {}),
        ...(via && via.length > 0 ? { via: via.map((v) => v.name), viaIds: via.map((v) => v.id) } : {}),
        ...(by.length > 0 ? { attributedTo: by.map((b) => b.name), attributedToIds: by.map((b) => b.id) } : {}),
        ...(time ? { time } : {}),
        negated,
        hedged: r() < 0.1,
        confidence: Math.round((0.5 + r() * 0.5) * 100) / 100,
        rule: "synthetic",
        extractor: "synthetic@1",
        evidence: { article: id, quote, start, end, sentence: k },
      });
    }
    made += n;
    articles.push({
      id,
      title: `Synthetic report ${ai + 1}`,
      publisher: `Publisher ${1 + Math.floor(r() * 40)}`,
      date: `${year}-${String(1 + Math.floor(r() * 12)).padStart(2, "0")}-${String(1 + Math.floor(r() * 28)).padStart(2, "0")}`,
      url: `https://example.org/reports/${id}`,
      text: parts.join(""),
      sourcePath: null,
    });
    claims.push(...articleClaims);
  }
  const entities = [
    ...countries.entities,
    ...companies.entities,
    ...sources.entities,
    ...people.entities,
    ...items.entities,
    ...weapons.entities,
    ...places.entities,
  ].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { articles, entities, claims };
}
