import { readFileSync } from "node:fs";
import path from "node:path";
import type { Article } from "../src/model/article.js";
import { claimId, type Claim } from "../src/model/claim.js";
import { entityId, type Entity } from "../src/model/entity.js";
import type { StoreData } from "../src/store/store.js";

/**
 * A small store for the export tests: claims written by hand on real sentences of
 * examples/articles, plus entities with hostile names (Cypher injection, markup, backticks,
 * braces, control characters, emoji, the CSV array delimiter) that every format must carry intact.
 */
const ARTICLES_DIR = path.resolve(import.meta.dirname, "../examples/articles");

export const A1 = "000_ac698359f206abe5";
export const A2 = "003_0a244f4867f7f563";

function article(id: string, extra: Partial<Article>): Article {
  const text = readFileSync(path.join(ARTICLES_DIR, `${id}.txt`), "utf8");
  return {
    id,
    title: text.split("\n")[0]!,
    publisher: null,
    date: null,
    url: null,
    text,
    sourcePath: `examples/articles/${id}.txt`,
    ...extra,
  };
}

export const HOSTILE = {
  injection: "x'}) DETACH DELETE n //",
  markup: '<script>&"',
  odd: "`Back`tick {brace} \\ \u0007bell\u0000 \u001b[31m 🚀 émoji",
  alias: 'semi;colon\nline "two"',
} as const;

export interface ClaimSpec {
  doc: string;
  quote: string;
  subject: [string, string];
  predicate: string;
  object: [string, string];
  recipient?: [string, string];
  attributedTo?: string[];
  time?: string;
  negated?: boolean;
  hedged?: boolean;
  confidence?: number;
}

/** The fixture store; `extra` claims (on sentences of the same two articles) are added to it. */
export function fixtureData(extra: readonly ClaimSpec[] = []): StoreData {
  const articles = [
    article(A1, { publisher: "ZMINA", date: "2026-02-05", url: 'https://example.com/zmina?a=1&b="2"' }),
    article(A2, { publisher: '=HYPERLINK("http://evil")', date: "2025-05-27" }),
  ];
  const texts = new Map(articles.map((a) => [a.id, a.text]));
  const entities = new Map<string, Entity>();
  const ent = ([type, name]: [string, string], aliases: string[] = []): string => {
    const id = entityId(type, name);
    if (!entities.has(id)) entities.set(id, { id, type, name, aliases, merges: [] });
    return id;
  };
  ent(["Country", "China"], ["PRC", "Beijing"]);
  ent(["Organization", "Foreign Intelligence Service of Ukraine"], ["SZRU"]);
  ent(["Organization", HOSTILE.injection], [HOSTILE.markup, HOSTILE.alias]);
  const specs: ClaimSpec[] = [
    {
      doc: A1,
      quote: "China increased sales of ammonium perchlorate",
      subject: ["Country", "China"],
      predicate: "SUPPLIES",
      object: ["Item", "ammonium perchlorate"],
      recipient: ["Country", "Russia"],
      attributedTo: ["Center for Strategic and International Studies"],
      time: "2024",
      confidence: 0.9,
    },
    {
      doc: A1,
      quote: "ammonium perchlorate — a key ingredient used to produce solid propellant for Iskander missiles",
      subject: ["Item", "ammonium perchlorate"],
      predicate: "COMPONENT_OF",
      object: ["Weapon", "Iskander missiles"],
      attributedTo: ["Center for Strategic and International Studies"],
      confidence: 0.8,
    },
    {
      doc: A1,
      quote: "the Foreign Intelligence Service of Ukraine stated that China is also providing intelligence to Russia",
      subject: ["Country", "China"],
      predicate: "SUPPLIES",
      object: ["Item", "intelligence"],
      recipient: ["Country", "Russia"],
      attributedTo: ["Foreign Intelligence Service of Ukraine"],
      confidence: 0.85,
    },
    {
      doc: A1,
      quote: "China denies these accusations.",
      subject: ["Country", "China"],
      predicate: "SUPPLIES",
      object: ["Item", "intelligence"],
      recipient: ["Country", "Russia"],
      attributedTo: ["China"],
      negated: true,
      confidence: 0.6,
    },
    {
      doc: A1,
      quote: "China does not supply weapons directly to Russia",
      subject: ["Country", "China"],
      predicate: "SUPPLIES",
      object: ["Item", "weapons"],
      recipient: ["Country", "Russia"],
      negated: true,
      confidence: 0.8,
    },
    {
      doc: A1,
      quote: "In 2023, Russia-China trade turnover set a historic record",
      subject: ["Country", "Russia"],
      predicate: "TRADES_WITH",
      object: ["Country", "China"],
      attributedTo: ["Chinese customs data"],
      time: "2023",
      confidence: 0.7,
    },
    {
      doc: A2,
      quote: "China is providing critical supplies to at least 20 Russian military factories",
      subject: ["Country", "China"],
      predicate: "SUPPLIES",
      object: ["Item", "machine tools"],
      recipient: ["Country", "Russia"],
      attributedTo: ["Oleh Ivashchenko"],
      time: "2025-05",
      confidence: 1,
    },
    {
      doc: A2,
      quote: "at least five instances of aviation-related cooperation between Russia and China from 2024 to 2025",
      subject: ["Country", "Russia"],
      predicate: "COOPERATES_WITH",
      object: ["Country", "China"],
      attributedTo: ["Oleh Ivashchenko"],
      time: "2024/2025",
      confidence: 0.75,
    },
    {
      doc: A2,
      quote:
        "These supplies include machine tools, specialty chemicals, gunpowder, and electronic components for drones",
      subject: ["Organization", HOSTILE.injection],
      predicate: "SUPPLIES",
      object: ["Item", HOSTILE.markup],
      recipient: ["Organization", HOSTILE.odd],
      hedged: true,
      time: "2025",
      confidence: 0.5,
    },
    {
      doc: A2,
      quote: "there have been six significant shipments of specialized chemicals",
      subject: ["Organization", HOSTILE.odd],
      predicate: "SUPPLIES",
      object: ["Item", "specialized chemicals"],
      attributedTo: [HOSTILE.injection],
      confidence: 0.55,
    },
    ...extra,
  ];
  const claims: Claim[] = specs.map((s) => {
    const text = texts.get(s.doc)!;
    const quote = s.quote;
    const start = text.indexOf(quote);
    if (start < 0) throw new Error(`quote not in ${s.doc}: ${quote}`);
    const subjectId = ent(s.subject);
    const objectId = ent(s.object);
    const recipientId = s.recipient ? ent(s.recipient) : undefined;
    const attributedToIds = s.attributedTo?.map((n) => ent(["Organization", n]));
    const end = start + quote.length;
    return {
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
      subject: s.subject[1],
      subjectId,
      predicate: s.predicate,
      object: s.object[1],
      objectId,
      ...(s.recipient ? { recipient: s.recipient[1], recipientId } : {}),
      ...(s.attributedTo ? { attributedTo: s.attributedTo, attributedToIds } : {}),
      ...(s.time ? { time: s.time } : {}),
      negated: s.negated ?? false,
      hedged: s.hedged ?? false,
      confidence: s.confidence ?? 0.8,
      rule: "hand-written",
      extractor: "test@1",
      evidence: { article: s.doc, quote, start, end, sentence: text.slice(0, start).split("\n").length - 1 },
    };
  });
  return { articles, entities: [...entities.values()].sort((a, b) => (a.id < b.id ? -1 : 1)), claims };
}
