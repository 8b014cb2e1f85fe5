import { promises as fs } from "node:fs";
import path from "node:path";
import type { Article } from "../model/article.js";
import type { Claim } from "../model/claim.js";
import type { Entity } from "../model/entity.js";
import type { KnowledgeGraph } from "../graph/build.js";
import { graphFilterNames } from "../graph/filter.js";
import type { FilterNames } from "../model/filter.js";
import { compareClaims, readGraph, readStore, STORE_FILES } from "../store/store.js";
import { SearchIndex, type SearchEntry } from "./search.js";
import { SentenceIndex } from "./sentences.js";

/** One loaded version of the embedded store, with the lookups the API needs. */
export interface StoreSnapshot {
  /** changes whenever the store is rewritten */
  version: string;
  graph: KnowledgeGraph;
  articles: ReadonlyMap<string, Article>;
  entities: ReadonlyMap<string, Entity>;
  claims: ReadonlyMap<string, Claim>;
  /** claim ids naming the entity in any role (subject, object, recipient, via, source), in store order */
  claimsByEntity: ReadonlyMap<string, readonly string[]>;
  search: SearchIndex;
  sentences: SentenceIndex;
  /** what filter values stand for: entities' names and aliases, sources' included */
  names: FilterNames;
  counts: { articles: number; entities: number; claims: number };
}

function isSorted(claims: readonly Claim[]): boolean {
  for (let i = 1; i < claims.length; i++) if (compareClaims(claims[i - 1]!, claims[i]!) > 0) return false;
  return true;
}

export function buildSnapshot(
  version: string,
  graph: KnowledgeGraph,
  data: { articles: Article[]; entities: Entity[]; claims: Claim[] },
): StoreSnapshot {
  const claimsByEntity = new Map<string, string[]>();
  const claims = new Map<string, Claim>();
  // pages of claims come in article order (as the store writes them, and as Neo4j is asked for them)
  const ordered = isSorted(data.claims) ? data.claims : [...data.claims].sort(compareClaims);
  for (const c of ordered) {
    claims.set(c.id, c);
    const ids = new Set([c.subjectId, c.objectId, ...(c.recipientId ? [c.recipientId] : [])]);
    for (const id of c.viaIds ?? []) ids.add(id);
    for (const id of c.attributedToIds ?? []) ids.add(id);
    for (const id of ids) {
      const list = claimsByEntity.get(id);
      if (list) list.push(c.id);
      else claimsByEntity.set(id, [c.id]);
    }
  }
  const entities = new Map(data.entities.map((e) => [e.id, e]));
  const entries: SearchEntry[] = data.entities.map((e) => ({
    id: e.id,
    name: e.name,
    type: e.type,
    aliases: e.aliases,
    weight: claimsByEntity.get(e.id)?.length ?? 0,
  }));
  // nodes the graph made for ids without an entity record are searchable too
  graph.forEachNode((id, a) => {
    if (!entities.has(id)) entries.push({ id, name: a.name, type: a.type, aliases: a.aliases, weight: a.claims });
  });
  return {
    version,
    graph,
    articles: new Map(data.articles.map((a) => [a.id, a])),
    entities,
    claims,
    claimsByEntity,
    search: new SearchIndex(entries),
    sentences: new SentenceIndex(ordered),
    names: graphFilterNames(graph, data.entities),
    counts: { articles: data.articles.length, entities: data.entities.length, claims: data.claims.length },
  };
}

/**
 * The embedded store as the server sees it: loaded once, and loaded again when store.json (written
 * last by every store write, atomically, so its identity changes) has changed since. Checking is
 * one stat per request; a failed reload keeps serving the previous version.
 */
export class StoreSource {
  private snapshot: StoreSnapshot | null = null;
  private loading: Promise<StoreSnapshot> | null = null;
  private failedVersion: string | null = null;

  constructor(
    readonly dir: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Identity of the manifest: inode changes on every atomic replace, mtime and size on edits. */
  private async manifestVersion(): Promise<string> {
    try {
      const s = await fs.stat(path.join(this.dir, STORE_FILES.manifest), { bigint: true });
      return `${s.ino}:${s.mtimeNs}:${s.size}`;
    } catch {
      return "none";
    }
  }

  /** The current snapshot, reloading first when the store changed. */
  async current(): Promise<StoreSnapshot> {
    const version = await this.manifestVersion();
    if (this.snapshot && (this.snapshot.version === version || this.failedVersion === version)) return this.snapshot;
    if (!this.loading) {
      this.loading = this.load(version).finally(() => {
        this.loading = null;
      });
    }
    return this.loading;
  }

  private async load(version: string): Promise<StoreSnapshot> {
    try {
      const [data, graph] = await Promise.all([readStore(this.dir), readGraph(this.dir)]);
      const snapshot = buildSnapshot(version, graph, data);
      const reloaded = this.snapshot !== null;
      this.snapshot = snapshot;
      this.failedVersion = null;
      if (reloaded) {
        this.log(`store reloaded: ${snapshot.counts.articles} articles, ${snapshot.counts.claims} claims`);
      }
      return snapshot;
    } catch (e) {
      if (!this.snapshot) throw e;
      this.failedVersion = version;
      this.log(`store changed but could not be read, still serving the previous version: ${(e as Error).message}`);
      return this.snapshot;
    }
  }
}
