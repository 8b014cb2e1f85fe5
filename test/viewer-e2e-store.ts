import { readFileSync } from "node:fs";
import path from "node:path";
import type { Article } from "../src/model/article.js";
import { ClaimSchema, claimId, type Claim } from "../src/model/claim.js";
import { EntitySchema, entityId, type Entity } from "../src/model/entity.js";
import type { EntityType } from "../src/model/vocabulary.js";
import { writeStore } from "../src/store/store.js";

/**
 * The store the viewer's browser tests run `kg serve` on: claims written by hand on real
 * sentences of examples/articles (offsets computed from the text, so they are exact), plus one
 * synthetic article whose text, title, publisher, attribution and URL are hostile markup.
 * Hand-written because the extractor is not ready; the claims say only what the sentences say.
 */
const ARTICLES_DIR = path.resolve(import.meta.dirname, "../examples/articles");
const DEV_DIR = path.resolve(import.meta.dirname, "fixtures/dev-articles");
export const ZMINA = "000_ac698359f206abe5";
const UKR = "003_0a244f4867f7f563";
export const HOSTILE_DOC = "x01_hostile_markup";
/** development articles with recipients, routes, denials and sanctioned intermediaries */
export const TI_CHIPS = "d01_ti_chips_hong_kong";
export const NK_SHELLS = "d07_aljazeera_nk_shells_satellite";
export const OFAC_FIRMS = "d10_ofac_finland_turkey_firms";

export const CSIS_SENTENCE =
  "The Center for Strategic and International Studies found that in 2024, China increased sales of ammonium perchlorate — a key ingredient used to produce solid propellant for Iskander missiles.";
export const HOSTILE_QUOTE =
  'Acme Corp <img src=x onerror="window.__pwned=1"> supplies detonators to Russia <script>window.__pwned=2</script>.';

function realArticle(id: string, publisher: string | null): Article {
  const text = readFileSync(path.join(ARTICLES_DIR, `${id}.txt`), "utf8");
  return {
    id,
    title: text.split("\n")[0]!,
    publisher,
    date: null,
    url: null,
    text,
    sourcePath: `examples/articles/${id}.txt`,
  };
}

function devArticle(id: string, publisher: string, date: string | null): Article {
  const text = readFileSync(path.join(DEV_DIR, `${id}.txt`), "utf8");
  return {
    id,
    title: text.split("\n")[0]!.replace(/^Title:\s*/, ""),
    publisher,
    date,
    url: null,
    text,
    sourcePath: `test/fixtures/dev-articles/${id}.txt`,
  };
}

const hostileArticle: Article = {
  id: HOSTILE_DOC,
  title: "<script>window.__pwned=3</script> Acme <b>exposed</b>",
  publisher: '<img src=x onerror="window.__pwned=4">',
  date: "2025-03-01",
  url: "javascript:window.__pwned=5",
  text: `Hostile markup test\n${HOSTILE_QUOTE}\n`,
  sourcePath: null,
};

const entityTable: Array<[EntityType, string, string[]]> = [
  ["Country", "China", ["PRC"]],
  ["Country", "Russia", ["Russian Federation"]],
  ["Country", "Ukraine", []],
  ["Item", "ammonium perchlorate", []],
  ["Item", "weapons", []],
  ["Item", "microelectronics", []],
  ["Item", "machinery", []],
  ["Item", "specialized chemicals", ["specialty chemicals"]],
  ["Item", "gunpowder", []],
  ["Item", "machine tools", []],
  ["Item", "intelligence", []],
  ["Item", "parts", []],
  ["Item", "oil", []],
  ["Item", "detonators", []],
  ["Weapon", "Iskander", ["Iskander-M"]],
  ["Organization", "Chinese firms", []],
  ["Organization", "Foreign Intelligence Service of Ukraine", []],
  ["Organization", "Acme Corp", []],
  ["Person", "Oleh Ivashchenko", ["Ivashchenko"]],
  ["Organization", "Texas Instruments", ["TI"]],
  ["Place", "Hong Kong", []],
  ["Item", "chips", []],
  ["Organization", "C4ADS", []],
  ["Organization", "Bloomberg", ["Bloomberg News"]],
  ["Country", "North Korea", ["Pyongyang"]],
  ["Country", "South Korea", ["Seoul"]],
  ["Item", "artillery shells", []],
  ["Item", "munitions", []],
  ["Item", "satellite technology", []],
  ["Organization", "Office of Foreign Assets Control", ["OFAC"]],
  ["Organization", "Demirci", []],
  ["Organization", "Margiana", []],
  ["Country", "Turkey", ["Türkiye"]],
  ["Item", "drones", []],
  ["Item", "sensors", []],
];

const ids = new Map(entityTable.map(([type, name]) => [name, entityId(type, name)]));
const idOf = (name: string) => {
  const id = ids.get(name);
  if (!id) throw new Error(`fixture: no entity ${name}`);
  return id;
};

interface Spec {
  doc: string;
  quote: string;
  subject: string;
  predicate: string;
  object: string;
  recipient?: string;
  via?: string[];
  attributedTo?: string[];
  time?: string;
  /** the sentence states no time: `time` is the article's date */
  timeInferred?: boolean;
  negated?: boolean;
  hedged?: boolean;
}

function claimOf(s: Spec, articles: Map<string, Article>): Claim {
  const text = articles.get(s.doc)!.text;
  const start = text.indexOf(s.quote);
  if (start < 0 || text.indexOf(s.quote, start + 1) >= 0) throw new Error(`fixture: quote not found once in ${s.doc}`);
  const end = start + s.quote.length;
  const subjectId = idOf(s.subject);
  const objectId = idOf(s.object);
  const recipientId = s.recipient ? idOf(s.recipient) : undefined;
  const attributedToIds = s.attributedTo?.map((n) => ids.get(n) ?? entityId("Organization", n));
  return ClaimSchema.parse({
    id: claimId({
      doc: s.doc,
      start,
      end,
      subjectId,
      predicate: s.predicate,
      objectId,
      recipientId,
      negated: s.negated,
    }),
    doc: s.doc,
    subject: s.subject,
    subjectId,
    predicate: s.predicate,
    object: s.object,
    objectId,
    ...(s.recipient ? { recipient: s.recipient, recipientId } : {}),
    ...(s.via ? { via: s.via, viaIds: s.via.map(idOf) } : {}),
    ...(s.attributedTo ? { attributedTo: s.attributedTo, attributedToIds } : {}),
    ...(s.time ? { time: s.time } : {}),
    ...(s.timeInferred ? { timeInferred: true } : {}),
    negated: s.negated ?? false,
    hedged: s.hedged ?? false,
    confidence: 0.9,
    rule: "hand-written-fixture",
    extractor: "viewer-e2e-fixture@1",
    evidence: {
      article: s.doc,
      quote: s.quote,
      start,
      end,
      sentence: text.slice(0, start).split(/[.!?]\s/).length - 1,
    },
  });
}

const COMPONENTS =
  "For instance, China does not supply weapons directly to Russia, but it provides critically important components, including machinery, microelectronics, specialized chemicals, optics, gunpowder, and ammunition components.";
const FIS_INTEL =
  "Moreover, the Foreign Intelligence Service of Ukraine stated that China is also providing intelligence to Russia.";
const IVASH_LIST =
  "These supplies include machine tools, specialty chemicals, gunpowder, and electronic components for drones, which are vital for Russia's war machine.";
const IVASH_HEAD =
  "Oleh Ivashchenko, head of Ukraine's Foreign Intelligence Service, disclosed on May 26 to the state news agency Ukrinform that China is providing critical supplies to at least 20 Russian military factories.";

export const TI_SENTENCE =
  "Shipments of the semiconductors surged in the first half of the year, many of them traveling through Hong Kong on their way to the sanctioned country, according to Russian customs data provided by the Washington-based investigative nonprofit C4ADS.";
export const NK_SHELLS_SENTENCE =
  "Pyongyang has supplied Moscow with more than one million artillery shells since early August, Seoul’s National Intelligence Service (NIS) reported on Wednesday.";
const NK_MUNITIONS =
  "North Korea is supplying munitions to Russia for use in its war against Ukraine in return for satellite technology, South Korea has said.";
const TI_DENIAL =
  "Representatives for TI and Analog Devices said they didn’t sell the chips directly to the Hong Kong entities and both stopped doing business with Russia in 2022.";
const OFAC_TURKISH =
  "OFAC targeted two Turkish entities––Margiana and Demirci––for supplying Russia with drones, sensors, and measuring tools.";

const specs: Spec[] = [
  {
    doc: ZMINA,
    quote: CSIS_SENTENCE,
    subject: "China",
    predicate: "SUPPLIES",
    object: "ammonium perchlorate",
    recipient: "Russia",
    attributedTo: ["Center for Strategic and International Studies"],
    time: "2024",
  },
  {
    doc: ZMINA,
    quote: CSIS_SENTENCE,
    subject: "ammonium perchlorate",
    predicate: "COMPONENT_OF",
    object: "Iskander",
    attributedTo: ["Center for Strategic and International Studies"],
  },
  {
    doc: ZMINA,
    quote: COMPONENTS,
    subject: "China",
    predicate: "SUPPLIES",
    object: "weapons",
    recipient: "Russia",
    negated: true,
  },
  { doc: ZMINA, quote: COMPONENTS, subject: "China", predicate: "SUPPLIES", object: "machinery", recipient: "Russia" },
  {
    doc: ZMINA,
    quote: COMPONENTS,
    subject: "China",
    predicate: "SUPPLIES",
    object: "microelectronics",
    recipient: "Russia",
  },
  {
    doc: ZMINA,
    quote: COMPONENTS,
    subject: "China",
    predicate: "SUPPLIES",
    object: "specialized chemicals",
    recipient: "Russia",
  },
  { doc: ZMINA, quote: COMPONENTS, subject: "China", predicate: "SUPPLIES", object: "gunpowder", recipient: "Russia" },
  {
    doc: ZMINA,
    quote:
      "To provide background, on the previous night, Russia attacked Ukraine with drones and missiles, resulting in casualties in several regions.",
    subject: "Russia",
    predicate: "ATTACKS",
    object: "Ukraine",
  },
  {
    doc: ZMINA,
    quote:
      "In 2024, then-U.S. Secretary of State Antony Blinken stated that 70% of heavy industrial equipment and 90% of all microelectronics are sourced from China, which then flows into Russia.",
    subject: "China",
    predicate: "SUPPLIES",
    object: "microelectronics",
    recipient: "Russia",
    attributedTo: ["Antony Blinken"],
    time: "2024",
  },
  {
    doc: ZMINA,
    quote:
      "According to The Telegraph newspaper, Chinese firms supplied sanctioned Russian companies with at least £47 million ($57.4 million USD) worth of parts between 2023 and 2024.",
    subject: "Chinese firms",
    predicate: "SUPPLIES",
    object: "parts",
    recipient: "Russia",
    attributedTo: ["The Telegraph"],
    time: "2023/2024",
  },
  {
    doc: ZMINA,
    quote: FIS_INTEL,
    subject: "China",
    predicate: "SUPPLIES",
    object: "intelligence",
    recipient: "Russia",
    attributedTo: ["Foreign Intelligence Service of Ukraine"],
  },
  {
    doc: ZMINA,
    quote: "China denies these accusations.",
    subject: "China",
    predicate: "SUPPLIES",
    object: "intelligence",
    recipient: "Russia",
    attributedTo: ["China"],
    negated: true,
  },
  {
    doc: ZMINA,
    quote: "Reuters also reported that China is buying oil and gas from Russia.",
    subject: "Russia",
    predicate: "SUPPLIES",
    object: "oil",
    recipient: "China",
    attributedTo: ["Reuters"],
  },
  {
    doc: UKR,
    quote: IVASH_LIST,
    subject: "China",
    predicate: "SUPPLIES",
    object: "machine tools",
    recipient: "Russia",
    attributedTo: ["Oleh Ivashchenko"],
  },
  {
    doc: UKR,
    quote: IVASH_LIST,
    subject: "China",
    predicate: "SUPPLIES",
    object: "specialized chemicals",
    recipient: "Russia",
    attributedTo: ["Oleh Ivashchenko"],
  },
  {
    doc: UKR,
    quote: IVASH_LIST,
    subject: "China",
    predicate: "SUPPLIES",
    object: "gunpowder",
    recipient: "Russia",
    attributedTo: ["Oleh Ivashchenko"],
  },
  {
    doc: UKR,
    quote: IVASH_HEAD,
    subject: "Oleh Ivashchenko",
    predicate: "AFFILIATED_WITH",
    object: "Foreign Intelligence Service of Ukraine",
  },
  {
    doc: UKR,
    quote:
      "Ivashchenko further elaborated that Ukrainian intelligence has documented at least five instances of aviation-related cooperation between Russia and China from 2024 to 2025.",
    subject: "Russia",
    predicate: "COOPERATES_WITH",
    object: "China",
    attributedTo: ["Oleh Ivashchenko"],
    time: "2024/2025",
  },
  {
    doc: TI_CHIPS,
    quote: TI_SENTENCE,
    subject: "Texas Instruments",
    predicate: "SUPPLIES",
    object: "chips",
    recipient: "Russia",
    via: ["Hong Kong"],
    attributedTo: ["C4ADS"],
    time: "2023-01/2023-06",
  },
  {
    doc: TI_CHIPS,
    quote: TI_DENIAL,
    subject: "Texas Instruments",
    predicate: "SUPPLIES",
    object: "chips",
    recipient: "Hong Kong",
    attributedTo: ["Texas Instruments"],
    negated: true,
  },
  {
    doc: TI_CHIPS,
    quote:
      "Chips sent to the now-sanctioned Russian entities were handled by two Hong Kong companies that were sanctioned in October for supplying Russian military-linked companies, the data show.",
    subject: "Hong Kong",
    predicate: "SUPPLIES",
    object: "chips",
    recipient: "Russia",
    attributedTo: ["Bloomberg"],
  },
  {
    doc: NK_SHELLS,
    quote: NK_SHELLS_SENTENCE,
    subject: "North Korea",
    predicate: "SUPPLIES",
    object: "artillery shells",
    recipient: "Russia",
    attributedTo: ["South Korea"],
    time: "2023-08/2023-11",
  },
  {
    doc: NK_SHELLS,
    quote: NK_MUNITIONS,
    subject: "North Korea",
    predicate: "SUPPLIES",
    object: "munitions",
    recipient: "Russia",
    attributedTo: ["South Korea"],
    time: "2023-11-01",
    timeInferred: true,
  },
  {
    doc: NK_SHELLS,
    quote: NK_MUNITIONS,
    subject: "Russia",
    predicate: "SUPPLIES",
    object: "satellite technology",
    recipient: "North Korea",
    attributedTo: ["South Korea"],
    time: "2023-11-01",
    timeInferred: true,
    hedged: true,
  },
  ...["Demirci", "Margiana"].flatMap((firm): Spec[] => [
    {
      doc: OFAC_FIRMS,
      quote: OFAC_TURKISH,
      subject: firm,
      predicate: "SUPPLIES",
      object: firm === "Demirci" ? "drones" : "sensors",
      recipient: "Russia",
      attributedTo: ["Office of Foreign Assets Control"],
    },
    {
      doc: OFAC_FIRMS,
      quote: OFAC_TURKISH,
      subject: "Office of Foreign Assets Control",
      predicate: "SANCTIONS",
      object: firm,
    },
    { doc: OFAC_FIRMS, quote: OFAC_TURKISH, subject: firm, predicate: "LOCATED_IN", object: "Turkey" },
  ]),
  {
    doc: HOSTILE_DOC,
    quote: HOSTILE_QUOTE,
    subject: "Acme Corp",
    predicate: "SUPPLIES",
    object: "detonators",
    recipient: "Russia",
    attributedTo: ['<b onmouseover="window.__pwned=6">officials</b>'],
  },
];

export function e2eStoreData(): { articles: Article[]; entities: Entity[]; claims: Claim[] } {
  const articles = [
    realArticle(ZMINA, "ZMINA"),
    realArticle(UKR, null),
    hostileArticle,
    devArticle(TI_CHIPS, "American Journal of Transportation (AJOT), Bloomberg News story", null),
    devArticle(NK_SHELLS, "Al Jazeera", "2023-11-01"),
    devArticle(OFAC_FIRMS, "The Volkov Law Group blog", null),
  ];
  const byId = new Map(articles.map((a) => [a.id, a]));
  const entities = entityTable.map(([type, name, aliases]) =>
    EntitySchema.parse({ id: entityId(type, name), type, name, aliases, merges: [] }),
  );
  return { articles, entities, claims: specs.map((s) => claimOf(s, byId)) };
}

export async function writeE2eStore(dir: string): Promise<void> {
  await writeStore(dir, e2eStoreData());
}
