import { promises as fs } from "node:fs";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { z } from "zod";
import { ArticleSchema, type Article } from "../model/article.js";
import { ClaimSchema, type Claim } from "../model/claim.js";
import { EntitySchema, mergeEntities, type Entity } from "../model/entity.js";
import { parseJsonDocument } from "../model/validate.js";
import { buildGraph, type KnowledgeGraph } from "../graph/build.js";
import { removeStaleTemporaries, writeFileAtomic } from "./atomic.js";
import { readJsonlArray, toJsonl } from "./jsonl.js";
import { waitForStoreUnlocked, type WaitOptions } from "./lock.js";

/**
 * The embedded store: a folder of JSONL files plus the graph as graphology JSON.
 *
 *   articles.jsonl   one Article per line, sorted by id
 *   entities.jsonl   one Entity per line, sorted by id
 *   claims.jsonl     one Claim per line (the evaluation format), sorted by doc, offset, id
 *   graph.json       graphology serialisation: entities as nodes, links as edges
 *   store.json       format version and counts (per predicate too), so that they need no full read
 *
 * Every file is replaced atomically and the content is a pure function of the data (sorted,
 * no timestamps), so re-ingesting the same articles leaves the bytes unchanged.
 */
export const STORE_FORMAT = 1;
export const STORE_FILES = {
  articles: "articles.jsonl",
  entities: "entities.jsonl",
  claims: "claims.jsonl",
  graph: "graph.json",
  manifest: "store.json",
} as const;

/** store.json. `claimsPerPredicate` is absent in stores written before it was added. */
export const StoreManifestSchema = z.object({
  format: z.literal(STORE_FORMAT),
  articles: z.number().int().nonnegative(),
  entities: z.number().int().nonnegative(),
  claims: z.number().int().nonnegative(),
  nodes: z.number().int().nonnegative(),
  links: z.number().int().nonnegative(),
  claimsPerPredicate: z.record(z.string(), z.number().int().nonnegative()).optional(),
});
export type StoreManifest = z.infer<typeof StoreManifestSchema>;

export interface StoreData {
  articles: Article[];
  entities: Entity[];
  claims: Claim[];
}

export interface MergeSummary {
  articlesAdded: number;
  articlesReplaced: number;
  articlesUnchanged: number;
  claimsAdded: number;
  claimsRemoved: number;
  entitiesAdded: number;
}

export const DEFAULT_DATA_DIR = "kg-data";

/** Reads the whole store, validated; waits while another process writes it (see lock.ts). */
export async function readStore(dir: string, wait?: WaitOptions): Promise<StoreData> {
  await waitForStoreUnlocked(dir, wait);
  const [articles, entities, claims] = await Promise.all([
    readJsonlArray(path.join(dir, STORE_FILES.articles), ArticleSchema),
    readJsonlArray(path.join(dir, STORE_FILES.entities), EntitySchema),
    readJsonlArray(path.join(dir, STORE_FILES.claims), ClaimSchema),
  ]);
  return { articles, entities, claims };
}

/** store.json, validated; waits while another process writes the store. Null when there is none. */
export async function readManifest(dir: string, wait?: WaitOptions): Promise<StoreManifest | null> {
  await waitForStoreUnlocked(dir, wait);
  const file = path.join(dir, STORE_FILES.manifest);
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
    throw e;
  }
  return parseJsonDocument(StoreManifestSchema, text, file);
}

/** Does the folder hold a store (even an empty one)? */
export async function storeExists(dir: string): Promise<boolean> {
  try {
    await fs.access(path.join(dir, STORE_FILES.manifest));
    return true;
  } catch {
    return false;
  }
}

export function compareClaims(a: Claim, b: Claim): number {
  return a.doc < b.doc
    ? -1
    : a.doc > b.doc
      ? 1
      : a.evidence.start - b.evidence.start ||
        a.evidence.end - b.evidence.end ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

const byId = <T extends { id: string }>(a: T, b: T) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Merges a batch into the store's data: an article in the batch replaces the stored article of
 * the same id together with its claims; entities are united by id (aliases and merge reasons
 * kept from both).
 */
export function mergeStoreData(base: StoreData, batch: StoreData): { data: StoreData; summary: MergeSummary } {
  const summary: MergeSummary = {
    articlesAdded: 0,
    articlesReplaced: 0,
    articlesUnchanged: 0,
    claimsAdded: 0,
    claimsRemoved: 0,
    entitiesAdded: 0,
  };
  const articles = new Map(base.articles.map((a) => [a.id, a]));
  const replaced = new Set<string>();
  for (const a of batch.articles) {
    const old = articles.get(a.id);
    if (!old) summary.articlesAdded++;
    else if (JSON.stringify(old) === JSON.stringify(a)) summary.articlesUnchanged++;
    else summary.articlesReplaced++;
    articles.set(a.id, a);
    replaced.add(a.id);
  }
  const oldClaimIds = new Set<string>();
  const claims: Claim[] = [];
  for (const c of base.claims) {
    if (replaced.has(c.doc)) oldClaimIds.add(c.id);
    else claims.push(c);
  }
  const seen = new Set(claims.map((c) => c.id));
  for (const c of batch.claims) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    claims.push(c);
    if (!oldClaimIds.delete(c.id)) summary.claimsAdded++;
  }
  summary.claimsRemoved = oldClaimIds.size;

  const entities = new Map(base.entities.map((e) => [e.id, e]));
  for (const e of batch.entities) {
    const old = entities.get(e.id);
    if (!old) summary.entitiesAdded++;
    entities.set(e.id, old ? mergeEntities(old, e) : e);
  }
  return {
    data: {
      articles: [...articles.values()].sort(byId),
      entities: [...entities.values()].sort(byId),
      claims: claims.sort(compareClaims),
    },
    summary,
  };
}

/** Writes the whole store; each file atomically. The graph is derived from entities and claims. */
export async function writeStore(dir: string, data: StoreData): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  await removeStaleTemporaries(dir);
  const graph = buildGraph(data.entities, data.claims);
  await writeFileAtomic(path.join(dir, STORE_FILES.articles), toJsonl(data.articles));
  await writeFileAtomic(path.join(dir, STORE_FILES.entities), toJsonl(data.entities));
  await writeFileAtomic(path.join(dir, STORE_FILES.claims), toJsonl(data.claims));
  await writeFileAtomic(path.join(dir, STORE_FILES.graph), JSON.stringify(graph.export()) + "\n");
  // the manifest goes last: its presence means the other files were written whole
  const perPredicate: Record<string, number> = {};
  for (const c of data.claims) perPredicate[c.predicate] = (perPredicate[c.predicate] ?? 0) + 1;
  const manifest: StoreManifest = {
    format: STORE_FORMAT,
    articles: data.articles.length,
    entities: data.entities.length,
    claims: data.claims.length,
    nodes: graph.order,
    links: graph.size,
    claimsPerPredicate: Object.fromEntries(Object.entries(perPredicate).sort(([a], [b]) => (a < b ? -1 : 1))),
  };
  await writeFileAtomic(path.join(dir, STORE_FILES.manifest), JSON.stringify(manifest, null, 2) + "\n");
}

/** Reads the store, merges the batch and writes it back. */
export async function mergeIntoStore(dir: string, batch: StoreData): Promise<MergeSummary> {
  const base = await readStore(dir);
  const { data, summary } = mergeStoreData(base, batch);
  await writeStore(dir, data);
  return summary;
}

/** The graph as stored (graph.json); empty when the store has none yet. */
export async function readGraph(dir: string, wait?: WaitOptions): Promise<KnowledgeGraph> {
  await waitForStoreUnlocked(dir, wait);
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  let text: string;
  try {
    text = await fs.readFile(path.join(dir, STORE_FILES.graph), "utf8");
  } catch {
    return graph;
  }
  try {
    graph.import(JSON.parse(text));
  } catch (e) {
    throw new Error(`${path.join(dir, STORE_FILES.graph)}: not a graphology serialisation (${(e as Error).message})`);
  }
  return graph;
}
