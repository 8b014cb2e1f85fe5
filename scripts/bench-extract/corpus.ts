/**
 * A synthetic corpus for the extraction benchmark: articles recombined from the sentences of the
 * sample and dev articles, with countries, companies, items and sources swapped for others from
 * the lists below, so that no two articles are alike and the extractor cannot profit from
 * repetition. Article i is a pure function of i: any thread can generate any share of the corpus
 * without holding it in memory.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parseTxtHeaders } from "../../ingest/read/txt.js";
import type { Article } from "../../src/model/article.js";
import { seededRandom } from "../gen/random.js";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SOURCE_DIRS = ["examples/articles", "test/fixtures/dev-articles"];

const COUNTRIES = [
  "Russia",
  "China",
  "Iran",
  "North Korea",
  "Belarus",
  "Ukraine",
  "India",
  "Turkey",
  "Finland",
  "Kazakhstan",
  "Kyrgyzstan",
  "Armenia",
  "Georgia",
  "Uzbekistan",
  "United Arab Emirates",
  "Malaysia",
  "Thailand",
  "Vietnam",
  "Serbia",
  "Azerbaijan",
  "Mongolia",
  "Syria",
  "Venezuela",
  "Myanmar",
  "Pakistan",
  "Egypt",
  "Brazil",
  "Cuba",
  "Tajikistan",
  "Singapore",
  "Indonesia",
  "South Africa",
  "Nigeria",
  "Algeria",
  "Laos",
  "Oman",
  "Qatar",
  "Eritrea",
  "Nicaragua",
  "Bolivia",
];
const COMPANIES = [
  "Texas Instruments",
  "Analog Devices",
  "Huawei",
  "MTS",
  "NPP Itelma",
  "VMK",
  "Sinno Electronics",
  "Orion Trading",
  "Baltic Components",
  "Arctic Logistics",
  "Yangtze Microtech",
  "Caspian Freight",
  "Eastline Machinery",
  "Helios Optics",
  "Tianshan Bearings",
  "Volga Aerospace",
  "Pamir Electronics",
  "Sunrise Chemicals",
  "Kestrel Dynamics",
  "Aral Metals",
  "Northern Star Shipping",
  "Golden Bridge Imports",
  "Ural Precision",
  "Jade Dragon Tools",
  "Silk Route Partners",
  "Polar Bear Systems",
  "Amur Industrial",
  "Redline Avionics",
  "Lotus Semiconductor",
  "Granite Engineering",
];
const ITEMS = [
  "drones",
  "chips",
  "semiconductors",
  "nitrocellulose",
  "shells",
  "missiles",
  "ball bearings",
  "machine tools",
  "microelectronics",
  "optics",
  "drone engines",
  "navigation modules",
  "thermal cameras",
  "artillery rounds",
  "ammonium perchlorate",
  "carbon fibre",
  "radio transceivers",
  "servo motors",
  "lithium batteries",
  "gallium",
  "titanium sponge",
  "diesel engines",
  "satellite images",
  "jet fuel",
  "rifle scopes",
];
const SOURCES = [
  "Sky News",
  "Reuters",
  "CSIS",
  "Bloomberg",
  "CNBC",
  "NHK",
  "C4ADS",
  "the Kyiv Independent",
  "RUSI",
  "the Financial Times",
  "Nikkei Asia",
  "the Wall Street Journal",
  "Politico",
  "Radio Liberty",
];

const CATEGORIES = [COUNTRIES, COMPANIES, ITEMS, SOURCES];
const categoryOf = new Map<string, string[]>();
for (const list of CATEGORIES) for (const name of list) categoryOf.set(name, list);
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const NAMES = new RegExp(
  `\\b(${[...categoryOf.keys()]
    .sort((a, b) => b.length - a.length)
    .map(escape)
    .join("|")})\\b`,
  "g",
);

function bodyOf(text: string): string {
  if (!parseTxtHeaders(text)) return text;
  const blank = text.search(/\r?\n\s*\r?\n/);
  return blank === -1 ? "" : text.slice(blank);
}

function loadSentences(): string[] {
  const out: string[] = [];
  for (const dir of SOURCE_DIRS) {
    const abs = path.join(ROOT, dir);
    for (const f of readdirSync(abs).sort()) {
      if (!f.endsWith(".txt")) continue;
      for (const para of bodyOf(readFileSync(path.join(abs, f), "utf8")).split(/\n+/)) {
        for (const s of para.split(/(?<=[.!?…”"])\s+(?=[A-Z“"‘(])/)) {
          const t = s.trim();
          if (t.length >= 30) out.push(t);
        }
      }
    }
  }
  return out;
}

const SENTENCES = loadSentences();

export const CORPUS_SENTENCES = SENTENCES.length;

/** Article number i of the synthetic corpus (same i, same article, in any thread). */
export function syntheticArticle(i: number): Article {
  const rand = seededRandom(0x9e3779b9 ^ Math.imul(i + 1, 0x85ebca6b));
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  // one substitution per name and article, so an article stays coherent ("Iran ... Iran")
  const swap = new Map<string, string>();
  const rename = (name: string) => {
    let to = swap.get(name);
    if (to === undefined) {
      to = rand() < 0.3 ? name : pick(categoryOf.get(name)!);
      swap.set(name, to);
    }
    return to;
  };
  const count = 8 + Math.floor(rand() * 40);
  const paragraphs: string[] = [];
  let para: string[] = [];
  for (let k = 0; k < count; k++) {
    para.push(pick(SENTENCES).replace(NAMES, rename));
    if (para.length >= 2 + Math.floor(rand() * 3)) {
      paragraphs.push(para.join(" "));
      para = [];
    }
  }
  if (para.length > 0) paragraphs.push(para.join(" "));
  const title = `${rename(pick(COUNTRIES))} ${pick(["supplies", "ships", "sells", "sends"])} ${pick(ITEMS)} to ${pick(COUNTRIES)}`;
  const id = `bench-${String(i).padStart(6, "0")}`;
  const text = `Title: ${title}\nPublisher: ${pick(SOURCES)}\nDate: 2024-0${1 + (i % 9)}-1${i % 10}\n\n${paragraphs.join("\n\n")}\n`;
  return {
    id,
    title,
    publisher: null,
    date: `2024-0${1 + (i % 9)}-1${i % 10}`,
    url: null,
    text,
    sourcePath: null,
  };
}

/** Streams articles [from, to) taking every `step`-th one: a thread's share of the corpus. */
export function* syntheticCorpus(from: number, to: number, step = 1): Generator<Article> {
  for (let i = from; i < to; i += step) yield syntheticArticle(i);
}
