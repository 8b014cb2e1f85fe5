import { promises as fs } from "node:fs";
import path from "node:path";
import { MultiDirectedGraph } from "graphology";
import { z } from "zod";
import { ArticleSchema, type Article } from "../model/article.js";
import { ClaimSchema, type Claim } from "../model/claim.js";
import { EntitySchema, mergeEntities, type Entity } from "../model/entity.js";
import { parseJsonDocument } from "../model/validate.js";
import { buildGraph, type KnowledgeGraph } from "../graph/build.js";
import { removeStaleTemporaries, renameIntoPlace, writeFileAtomic, writeTemp, type TempFile } from "./atomic.js";
import { readJsonlArray, toJsonl } from "./jsonl.js";
import { waitForStoreUnlocked, type WaitOptions } from "./lock.js";

/**
 * The embedded store: a folder of JSONL files plus the graph as graphology JSON.
 *
 *   articles.jsonl   one Article per line, sorted by id
 *   entities.jsonl   one Entity per line, sorted by id
 *   claims.jsonl     one Claim per line (the evaluation format), sorted by doc, offset, id
 *   graph.json       graphology serialisation: entities as nodes, links as edges
 *   store.json       format version, counts (per predicate too), and the sha256 and size of each
 *                    file above: the store is what store.json names
 *
 * A write changes several files, and a process killed between two of them must not leave new
 * articles next to old claims. So a write is one commit (see writeStore): every file is written
 * under a temporary name first, then one record (store.commit.json) naming them all is written
 * atomically (the commit point), then the files are renamed into place and store.json written.
 * Killed before the record, the old store is intact; killed after it, the next reader or writer
 * completes the renames (completeInterruptedWrite). checkStoreFiles tells whether the files are
 * the ones store.json names. The content is a pure function of the data (sorted, no
 * timestamps), so re-ingesting the same articles leaves the bytes unchanged.
 */
export const STORE_FORMAT = 1;
export const STORE_FILES = {
  articles: "articles.jsonl",
  entities: "entities.jsonl",
  claims: "claims.jsonl",
  graph: "graph.json",
  manifest: "store.json",
} as const;

/** A committed write not yet wholly in place (see writeStore); absent between writes. */
export const COMMIT_RECORD = "store.commit.json";

/** The data files, in the order a write produces them. */
export const DATA_FILES = [STORE_FILES.articles, STORE_FILES.entities, STORE_FILES.claims, STORE_FILES.graph] as const;

const FileEntrySchema = z.object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().nonnegative() });
export type FileEntry = z.infer<typeof FileEntrySchema>;

/** store.json. `claimsPerPredicate` is absent in stores written before it was added. */
export const StoreManifestSchema = z.object({
  format: z.literal(STORE_FORMAT),
  articles: z.number().int().nonnegative(),
  entities: z.number().int().nonnegative(),
  claims: z.number().int().nonnegative(),
  nodes: z.number().int().nonnegative(),
  links: z.number().int().nonnegative(),
  claimsPerPredicate: z.record(z.string(), z.number().int().nonnegative()).optional(),
  /** absent in stores written before writes were committed as a whole */
  files: z.record(z.enum(DATA_FILES), FileEntrySchema).optional(),
});
export type StoreManifest = z.infer<typeof StoreManifestSchema>;

/** store.commit.json: a write that has committed but may not have put every file in place yet. */
const CommitRecordSchema = z.object({
  manifest: StoreManifestSchema,
  renames: z.array(
    z.object({
      // plain names in the store's folder: a record never moves anything elsewhere
      tmp: z.string().regex(/^\.[\w.-]+\.tmp$/, "a temporary file name"),
      file: z.enum(DATA_FILES),
    }),
  ),
});

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
  await completeInterruptedWrite(dir);
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
  await completeInterruptedWrite(dir);
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

/** Steps of a write, in order, for tests that kill a writer at each one. */
export type WriteStep =
  `wrote ${(typeof DATA_FILES)[number]}` | "committed" | `renamed ${(typeof DATA_FILES)[number]}` | "done";

export interface WriteOptions {
  /** called after each step (a test seam: a test process kills itself here) */
  onStep?: (step: WriteStep) => void | Promise<void>;
}

/**
 * Writes the whole store as one commit (see the top of this file). The graph is derived from
 * entities and claims. Only one writer at a time (lock.ts).
 */
export async function writeStore(dir: string, data: StoreData, opts: WriteOptions = {}): Promise<void> {
  const step = async (s: WriteStep) => opts.onStep?.(s);
  await fs.mkdir(dir, { recursive: true });
  await completeInterruptedWrite(dir);
  await removeStaleTemporaries(dir);
  const graph = buildGraph(data.entities, data.claims);
  const contents: Record<(typeof DATA_FILES)[number], () => Iterable<string> | string> = {
    [STORE_FILES.articles]: () => toJsonl(data.articles),
    [STORE_FILES.entities]: () => toJsonl(data.entities),
    [STORE_FILES.claims]: () => toJsonl(data.claims),
    [STORE_FILES.graph]: () => JSON.stringify(graph.export()) + "\n",
  };
  const temps: TempFile[] = [];
  for (const name of DATA_FILES) {
    temps.push(await writeTemp(path.join(dir, name), contents[name]()));
    await step(`wrote ${name}`);
  }
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
    files: Object.fromEntries(
      temps.map((t) => [path.basename(t.file), { sha256: t.sha256, bytes: t.bytes }]),
    ) as StoreManifest["files"],
  };
  const record: z.infer<typeof CommitRecordSchema> = {
    manifest,
    renames: temps.map((t) => ({
      tmp: path.basename(t.tmp),
      file: path.basename(t.file) as (typeof DATA_FILES)[number],
    })),
  };
  // the commit point: from here on the new store is the store, whatever happens to this process
  await writeFileAtomic(path.join(dir, COMMIT_RECORD), JSON.stringify(record, null, 2) + "\n");
  await step("committed");
  for (const t of temps) {
    await renameIntoPlace(t);
    await step(`renamed ${path.basename(t.file) as (typeof DATA_FILES)[number]}`);
  }
  await finishCommit(dir, manifest);
  await step("done");
}

async function finishCommit(dir: string, manifest: StoreManifest): Promise<void> {
  await writeFileAtomic(path.join(dir, STORE_FILES.manifest), JSON.stringify(manifest, null, 2) + "\n");
  await fs.rm(path.join(dir, COMMIT_RECORD), { force: true });
}

/**
 * Completes a write that committed but was killed before every file was in place: moves the
 * remaining temporary files and writes store.json. True when there was one to complete.
 * Idempotent, so two readers finding the same record both end with the same store.
 */
export async function completeInterruptedWrite(dir: string): Promise<boolean> {
  const file = path.join(dir, COMMIT_RECORD);
  let text: string;
  try {
    text = await fs.readFile(file, "utf8");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw e;
  }
  const record = parseJsonDocument(CommitRecordSchema, text, file);
  for (const r of record.renames) {
    try {
      await renameIntoPlace({ tmp: path.join(dir, r.tmp), file: path.join(dir, r.file) });
    } catch (e) {
      // moved already, by the writer before it died or by another reader
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    }
  }
  await finishCommit(dir, record.manifest);
  return true;
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
  await completeInterruptedWrite(dir);
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
