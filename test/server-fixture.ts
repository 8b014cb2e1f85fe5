import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { claimId, entityId, type Article, type Claim, type Entity } from "../src/model/index.js";
import type { StoreData } from "../src/store/store.js";

/**
 * A small hand-made store for the server tests, built on real sentences of examples/articles:
 * every quote is found in the article text and its offsets point at it.
 */

const articlesDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../examples/articles");

const A000 = "000_ac698359f206abe5";
const A002 = "002_53aa1e862d9e80ee";
const A003 = "003_0a244f4867f7f563";

function article(id: string, publisher: string, date: string, title?: string): Article {
  const text = readFileSync(path.join(articlesDir, `${id}.txt`), "utf8");
  return {
    id,
    title: title ?? text.split("\n")[0]!.trim(),
    publisher,
    date,
    url: `https://news.example.org/${id}`,
    text,
    sourcePath: `examples/articles/${id}.txt`,
  };
}

export const ARTICLES: Article[] = [
  article(A000, "Euromaidan Press", "2026-02-05"),
  // this page opens with share buttons, not its headline
  article(A002, "Vision Times", "2024-04-12", "How did China assist Russia in its war in Ukraine?"),
  article(A003, "Army Recognition", "2025-05-27"),
];
const textOf = new Map(ARTICLES.map((a) => [a.id, a.text]));

function entity(type: string, name: string, aliases: string[] = []): Entity {
  return {
    id: entityId(type, name),
    type,
    name,
    aliases,
    merges: aliases.map((alias) => ({ alias, reason: "test fixture" })),
  };
}

export const CHINA = entity("Country", "China", ["Beijing", "PRC", "Zhōngguó"]);
export const RUSSIA = entity("Country", "Russia", ["Russian Federation"]);
export const UKRAINE = entity("Country", "Ukraine");
export const CSIS = entity("Organization", "Center for Strategic and International Studies", ["CSIS"]);
export const SZRU = entity("Organization", "Foreign Intelligence Service of Ukraine", [
  "Ukraine's Foreign Intelligence Service",
]);
export const PERCHLORATE = entity("Item", "ammonium perchlorate");
export const ISKANDER = entity("Weapon", "Iskander missiles", ["Iskander-M"]);
export const CHIPS = entity("Item", "computer chips");
export const MACHINE_TOOLS = entity("Item", "machine tools");
export const GUNPOWDER = entity("Item", "gunpowder");
export const LETHAL_WEAPONS = entity("Weapon", "lethal weapons");

export const ENTITIES: Entity[] = [
  CHINA,
  RUSSIA,
  UKRAINE,
  CSIS,
  SZRU,
  PERCHLORATE,
  ISKANDER,
  CHIPS,
  MACHINE_TOOLS,
  GUNPOWDER,
  LETHAL_WEAPONS,
];

interface ClaimSpec {
  doc: string;
  quote: string;
  subject: Entity;
  predicate: string;
  object: Entity;
  recipient?: Entity;
  by?: Entity[];
  time?: string;
  negated?: boolean;
}

function claim(s: ClaimSpec): Claim {
  const text = textOf.get(s.doc)!;
  const start = text.indexOf(s.quote);
  if (start < 0) throw new Error(`fixture quote not in ${s.doc}: ${s.quote}`);
  const end = start + s.quote.length;
  const sentence = (text.slice(0, start).match(/[.!?]\s/g) ?? []).length;
  const c: Claim = {
    id: claimId({
      doc: s.doc,
      start,
      end,
      subjectId: s.subject.id,
      predicate: s.predicate,
      objectId: s.object.id,
      recipientId: s.recipient?.id,
      negated: s.negated,
    }),
    doc: s.doc,
    subject: s.subject.name,
    subjectId: s.subject.id,
    predicate: s.predicate,
    object: s.object.name,
    objectId: s.object.id,
    negated: s.negated ?? false,
    hedged: false,
    confidence: 0.8,
    rule: "test-fixture",
    extractor: "test@0",
    evidence: { article: s.doc, quote: s.quote, start, end, sentence },
  };
  if (s.recipient) Object.assign(c, { recipient: s.recipient.name, recipientId: s.recipient.id });
  if (s.by)
    Object.assign(c, { attributedTo: s.by.map((e) => e.aliases[0] ?? e.name), attributedToIds: s.by.map((e) => e.id) });
  if (s.time) c.time = s.time;
  return c;
}

export const CLAIMS: Claim[] = [
  claim({
    doc: A000,
    quote: "China increased sales of ammonium perchlorate",
    subject: CHINA,
    predicate: "SUPPLIES",
    object: PERCHLORATE,
    recipient: RUSSIA,
    by: [CSIS],
    time: "2024",
  }),
  claim({
    doc: A000,
    quote: "ammonium perchlorate — a key ingredient used to produce solid propellant for Iskander missiles",
    subject: PERCHLORATE,
    predicate: "COMPONENT_OF",
    object: ISKANDER,
    by: [CSIS],
  }),
  claim({
    doc: A000,
    quote: "Russia’s defense industry received computer chips",
    subject: CHINA,
    predicate: "SUPPLIES",
    object: CHIPS,
    recipient: RUSSIA,
    by: [CSIS],
    time: "2024",
  }),
  claim({
    doc: A000,
    quote: "Russia’s defense industry received computer chips, machine tools",
    subject: CHINA,
    predicate: "SUPPLIES",
    object: MACHINE_TOOLS,
    recipient: RUSSIA,
    by: [CSIS],
    time: "2024",
  }),
  claim({
    doc: A003,
    quote: "These supplies include machine tools",
    subject: CHINA,
    predicate: "SUPPLIES",
    object: MACHINE_TOOLS,
    recipient: RUSSIA,
    by: [SZRU],
    time: "2025",
  }),
  claim({
    doc: A003,
    quote: "These supplies include machine tools, specialty chemicals, gunpowder",
    subject: CHINA,
    predicate: "SUPPLIES",
    object: GUNPOWDER,
    recipient: RUSSIA,
    by: [SZRU],
    time: "2025",
  }),
  claim({
    doc: A002,
    quote: "there is no evidence that China has provided Russia with lethal weapons",
    subject: CHINA,
    predicate: "SUPPLIES",
    object: LETHAL_WEAPONS,
    recipient: RUSSIA,
    negated: true,
  }),
  claim({
    doc: A000,
    quote: "Russia attacked Ukraine with drones and missiles",
    subject: RUSSIA,
    predicate: "ATTACKS",
    object: UKRAINE,
    time: "2026",
  }),
];

export const STORE_DATA: StoreData = { articles: ARTICLES, entities: ENTITIES, claims: CLAIMS };

/** The links the fixture makes: 9 entities take part in 7 links built from 8 claims. */
/** 7 relation links and the supply flow China → Russia; 11 entities, CSIS and the SZRU only as sources */
export const EXPECTED = { nodes: 9, links: 8, claims: 8, articles: 3, entities: 11 } as const;
