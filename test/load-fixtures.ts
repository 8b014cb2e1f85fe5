import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { ArticleSchema, type Article } from "../src/model/article.js";
import { claimId, ClaimSchema, type Claim } from "../src/model/claim.js";
import { entityId, EntitySchema, type Entity } from "../src/model/entity.js";
import type { StoreData } from "../src/store/store.js";

/**
 * Hand-written claims on real sentences of the sample articles (examples/articles) and of two
 * development articles (test/fixtures/dev-articles), as the extractor should produce them: the
 * quote is looked up in the article text, so the evidence offsets are the real ones.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

interface ArticleSpec {
  id: string;
  file: string;
  publisher: string | null;
  date: string | null;
  url: string | null;
}

export const ARTICLES: Record<string, ArticleSpec> = {
  kyivpost: {
    id: "000_ac698359f206abe5",
    file: "examples/articles/000_ac698359f206abe5.txt",
    publisher: "Kyiv Post",
    date: "2026-02-04",
    url: null,
  },
  chinaAssist: {
    id: "002_53aa1e862d9e80ee",
    file: "examples/articles/002_53aa1e862d9e80ee.txt",
    publisher: null,
    date: "2024-04-10",
    url: null,
  },
  ukrIntel: {
    id: "003_0a244f4867f7f563",
    file: "examples/articles/003_0a244f4867f7f563.txt",
    publisher: null,
    date: "2025-05-27",
    url: null,
  },
  tiChips: {
    id: "d01_ti_chips_hong_kong",
    file: "test/fixtures/dev-articles/d01_ti_chips_hong_kong.txt",
    publisher: "American Journal of Transportation",
    date: "2023-12-06",
    url: "https://www.ajot.com/news/chips-from-texas-instruments-and-other-us-makers-flow-into-russia-despite-ban",
  },
  nitro: {
    id: "d04_nhk_nitrocellulose",
    file: "test/fixtures/dev-articles/d04_nhk_nitrocellulose.txt",
    publisher: "NHK",
    date: "2024-05-02",
    url: null,
  },
};

type Ref = [type: string, name: string];

interface ClaimSpec {
  article: keyof typeof ARTICLES;
  s: Ref;
  p: string;
  o: Ref;
  to?: Ref;
  via?: Ref[];
  by?: Ref[];
  time?: string;
  negated?: boolean;
  quote: string;
  /** which occurrence of the quote, when it appears more than once */
  nth?: number;
}

const CHINA: Ref = ["Country", "China"];
const RUSSIA: Ref = ["Country", "Russia"];
const CSIS: Ref = ["Organization", "CSIS"];
const FIS: Ref = ["Organization", "Foreign Intelligence Service of Ukraine"];
const USINTEL: Ref = ["Organization", "U.S. intelligence agencies"];

export const CLAIMS: ClaimSpec[] = [
  {
    article: "kyivpost",
    s: CHINA,
    p: "SUPPLIES",
    o: ["Item", "ammonium perchlorate"],
    to: RUSSIA,
    by: [CSIS],
    time: "2024",
    quote: "China increased sales of ammonium perchlorate",
  },
  {
    article: "kyivpost",
    s: ["Item", "ammonium perchlorate"],
    p: "COMPONENT_OF",
    o: ["Item", "solid propellant"],
    quote: "a key ingredient used to produce solid propellant for Iskander missiles",
  },
  {
    article: "kyivpost",
    s: ["Item", "solid propellant"],
    p: "COMPONENT_OF",
    o: ["Weapon", "Iskander missiles"],
    quote: "solid propellant for Iskander missiles",
  },
  {
    article: "kyivpost",
    s: RUSSIA,
    p: "PRODUCES",
    o: ["Weapon", "ballistic missiles"],
    by: [CSIS],
    time: "2024",
    quote: "This assistance enabled Russia to triple its ballistic missile production",
  },
  {
    article: "kyivpost",
    s: CHINA,
    p: "SUPPLIES",
    o: ["Item", "computer chips"],
    to: RUSSIA,
    by: [CSIS],
    quote: "Russia’s defense industry received computer chips, machine tools, radars, and sensors, according to CSIS",
  },
  {
    article: "kyivpost",
    s: CHINA,
    p: "SUPPLIES",
    o: ["Item", "machine tools"],
    to: RUSSIA,
    by: [CSIS],
    quote: "Russia’s defense industry received computer chips, machine tools, radars, and sensors, according to CSIS",
  },
  {
    article: "kyivpost",
    s: CHINA,
    p: "SUPPLIES",
    o: ["Item", "weapons"],
    to: RUSSIA,
    negated: true,
    quote: "China does not supply weapons directly to Russia",
  },
  {
    article: "chinaAssist",
    s: CHINA,
    p: "SUPPLIES",
    o: ["Item", "machine tools"],
    to: RUSSIA,
    by: [USINTEL],
    time: "2023",
    quote: "China has significantly increased its sales of machine tools, microelectronics",
  },
  {
    article: "chinaAssist",
    s: CHINA,
    p: "SUPPLIES",
    o: ["Item", "weapons"],
    to: RUSSIA,
    negated: true,
    quote: "there is no evidence that China has provided Russia with lethal weapons",
  },
  {
    article: "chinaAssist",
    s: ["Country", "Iran"],
    p: "SUPPLIES",
    o: ["Item", "weapons"],
    to: RUSSIA,
    quote: "China has provided Russia with lethal weapons like Iran and North Korea",
  },
  {
    article: "chinaAssist",
    s: ["Country", "North Korea"],
    p: "SUPPLIES",
    o: ["Item", "weapons"],
    to: RUSSIA,
    quote: "China has provided Russia with lethal weapons like Iran and North Korea",
  },
  {
    article: "chinaAssist",
    s: CHINA,
    p: "SUPPLIES",
    o: ["Item", "assault rifles"],
    to: RUSSIA,
    via: [
      ["Country", "Turkey"],
      ["Country", "United Arab Emirates"],
    ],
    by: [["Organization", "Politico"]],
    time: "2022",
    quote:
      "Chinese companies shipped 1,000 assault rifles and other items that could be used for military purposes to Russian customers through Turkey and the United Arab Emirates",
  },
  {
    article: "chinaAssist",
    s: CHINA,
    p: "TRADES_WITH",
    o: RUSSIA,
    time: "2023",
    quote: "the trade volume between the two countries reached a high of US$240 billion in 2023",
  },
  {
    article: "ukrIntel",
    s: CHINA,
    p: "SUPPLIES",
    o: ["Item", "machine tools"],
    to: RUSSIA,
    by: [FIS],
    time: "2025",
    quote: "These supplies include machine tools, specialty chemicals, gunpowder, and electronic components for drones",
  },
  {
    article: "ukrIntel",
    s: CHINA,
    p: "SUPPLIES",
    o: ["Item", "gunpowder"],
    to: RUSSIA,
    by: [FIS],
    time: "2025",
    quote: "These supplies include machine tools, specialty chemicals, gunpowder, and electronic components for drones",
  },
  {
    article: "ukrIntel",
    s: CHINA,
    p: "SUPPLIES",
    o: ["Item", "gunpowder"],
    to: RUSSIA,
    by: [CHINA],
    negated: true,
    quote: "Beijing has repeatedly denied direct involvement and dismissed such accusations as 'groundless,'",
  },
  {
    article: "ukrIntel",
    s: ["Person", "Oleh Ivashchenko"],
    p: "AFFILIATED_WITH",
    o: FIS,
    quote: "Oleh Ivashchenko, head of Ukraine's Foreign Intelligence Service",
  },
  {
    article: "tiChips",
    s: ["Organization", "Texas Instruments"],
    p: "SUPPLIES",
    o: ["Item", "chips"],
    to: RUSSIA,
    via: [["Place", "Hong Kong"]],
    by: [["Organization", "C4ADS"]],
    quote: "many of them traveling through Hong Kong on their way to the sanctioned country",
  },
  {
    article: "tiChips",
    s: ["Organization", "Texas Instruments"],
    p: "SUPPLIES",
    o: ["Item", "chips"],
    to: ["Place", "Hong Kong"],
    by: [["Organization", "Texas Instruments"]],
    negated: true,
    quote:
      "Representatives for TI and Analog Devices said they didn’t sell the chips directly to the Hong Kong entities",
  },
  {
    article: "tiChips",
    s: ["Place", "Hong Kong"],
    p: "SUPPLIES",
    o: ["Item", "chips"],
    to: RUSSIA,
    by: [["Organization", "C4ADS"]],
    quote: "Chips sent to the now-sanctioned Russian entities were handled by two Hong Kong companies",
  },
  {
    article: "nitro",
    s: CHINA,
    p: "SUPPLIES",
    o: ["Item", "nitrocellulose"],
    to: RUSSIA,
    by: [["Organization", "NHK"]],
    time: "2023",
    quote: "In 2023, the amount nearly doubled to over 1,300 tons",
  },
  {
    article: "nitro",
    s: ["Item", "nitrocellulose"],
    p: "COMPONENT_OF",
    o: ["Item", "ammunition"],
    quote: "a dual-use material that can be used to produce ammunition",
  },
];

export function articleText(key: keyof typeof ARTICLES): string {
  return readFileSync(path.join(root, ARTICLES[key]!.file), "utf8");
}

export function buildArticle(key: keyof typeof ARTICLES): Article {
  const a = ARTICLES[key]!;
  const text = articleText(key);
  const firstLine = text.split("\n").find((l) => l.trim() !== "")!;
  return ArticleSchema.parse({
    id: a.id,
    title: firstLine.replace(/^Title:\s*/, "").trim(),
    publisher: a.publisher,
    date: a.date,
    url: a.url,
    text,
    sourcePath: a.file,
  });
}

function sentenceIndex(text: string, offset: number): number {
  return (text.slice(0, offset).match(/[.!?](\s|$)/g) ?? []).length;
}

export function buildClaim(spec: ClaimSpec): Claim {
  const article = ARTICLES[spec.article]!;
  const text = articleText(spec.article);
  let start = -1;
  for (let i = 0; i <= (spec.nth ?? 0); i++) start = text.indexOf(spec.quote, start + 1);
  if (start < 0) throw new Error(`fixture quote not in ${article.file}: ${spec.quote}`);
  const end = start + spec.quote.length;
  const id = ([type, name]: Ref) => entityId(type, name);
  const subjectId = id(spec.s);
  const objectId = id(spec.o);
  const recipientId = spec.to ? id(spec.to) : undefined;
  return ClaimSchema.parse({
    id: claimId({
      doc: article.id,
      start,
      end,
      subjectId,
      predicate: spec.p,
      objectId,
      recipientId,
      negated: spec.negated,
    }),
    doc: article.id,
    subject: spec.s[1],
    subjectId,
    predicate: spec.p,
    object: spec.o[1],
    objectId,
    ...(spec.to ? { recipient: spec.to[1], recipientId } : {}),
    ...(spec.via ? { via: spec.via.map((r) => r[1]), viaIds: spec.via.map(id) } : {}),
    ...(spec.by ? { attributedTo: spec.by.map((r) => r[1]), attributedToIds: spec.by.map(id) } : {}),
    ...(spec.time ? { time: spec.time } : {}),
    negated: spec.negated ?? false,
    hedged: false,
    confidence: spec.negated ? 0.7 : 0.8,
    rule: "fixture",
    extractor: "hand@1",
    evidence: { article: article.id, quote: spec.quote, start, end, sentence: sentenceIndex(text, start) },
  });
}

const ALIASES: Record<string, string[]> = {
  "organization:csis": ["Center for Strategic and International Studies"],
  "country:russia": ["Russian Federation", "Moscow"],
  "country:china": ["Beijing", "PRC"],
  "organization:texas-instruments": ["TI", "Texas Instruments Inc."],
};

/** Every entity the claims name, typed and with a few aliases. */
export function entitiesOf(claims: Claim[], specs: ClaimSpec[]): Entity[] {
  const refs = new Map<string, Ref>();
  for (const s of specs)
    for (const r of [s.s, s.o, s.to, ...(s.via ?? []), ...(s.by ?? [])]) if (r) refs.set(entityId(r[0], r[1]), r);
  void claims;
  return [...refs.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, [type, name]]) => EntitySchema.parse({ id, type, name, aliases: ALIASES[id] ?? [] }));
}

/** The store of the given articles with their fixture claims. */
export function fixtureStore(keys: Array<keyof typeof ARTICLES> = Object.keys(ARTICLES)): StoreData {
  const specs = CLAIMS.filter((c) => keys.includes(c.article));
  const claims = specs.map(buildClaim);
  return {
    articles: keys.map(buildArticle).sort((a, b) => (a.id < b.id ? -1 : 1)),
    entities: entitiesOf(claims, specs),
    claims,
  };
}
