import type { GraphResponse } from "../model/api.js";
import { isConnectionError, type Neo4jConnection } from "./neo4j-connection.js";
import type { Neo4jSource } from "./neo4j-source.js";
import { SearchIndex } from "./search.js";
import type { StoreSnapshot, StoreSource } from "./store-source.js";

type Backend = GraphResponse["meta"]["backend"];

/**
 * Which backend answers a data request: Neo4j when it is connected and holds the graph, the
 * embedded store otherwise. A lost connection falls back to the store (and reconnects in the
 * background) instead of failing the viewer.
 */
export class Backends {
  private neo4jData: { has: boolean; at: number } | null = null;
  private warnedEmpty = false;
  private neo4jSearch: { index: SearchIndex; entities: number; at: number } | null = null;

  constructor(
    private readonly store: StoreSource,
    private readonly neo4j: Neo4jConnection | null,
    private readonly log: (message: string) => void = () => undefined,
  ) {}

  /** Neo4j is connected: Cypher queries are available. */
  get connected(): boolean {
    return Boolean(this.neo4j?.source);
  }

  meta(backend: Backend, c: { articles: number; entities: number; claims: number }): GraphResponse["meta"] {
    return { backend, articles: c.articles, entities: c.entities, claims: c.claims, neo4j: this.connected };
  }

  /** Runs `work` on Neo4j when it serves the data; null means "answer from the store". */
  async withNeo4j<T>(work: (source: Neo4jSource) => Promise<T>): Promise<{ value: T } | null> {
    const source = this.neo4j?.source;
    if (!source) return null;
    try {
      if (!(await this.neo4jServesData(source))) return null;
      return { value: await work(source) };
    } catch (e) {
      if (isConnectionError(e)) {
        this.neo4j?.lost(e);
        return null;
      }
      throw e;
    }
  }

  async counts(
    snapshot: StoreSnapshot,
  ): Promise<{ backend: Backend; articles: number; entities: number; claims: number }> {
    const fromNeo4j = await this.withNeo4j((s) => s.counts());
    if (fromNeo4j) return { backend: "neo4j", ...fromNeo4j.value };
    return { backend: "store", ...snapshot.counts };
  }

  /**
   * An empty Neo4j next to a filled store (NEO4J_URI set, `kg load` not run yet) would show an
   * empty graph: the store answers then, Cypher stays available, and the log says what to do.
   * Checked at most every few seconds, so a `kg load` is picked up without a restart.
   */
  private async neo4jServesData(source: Neo4jSource): Promise<boolean> {
    if (!this.neo4jData || Date.now() - this.neo4jData.at > 5_000) {
      const { entities } = await source.counts();
      this.neo4jData = { has: entities > 0, at: Date.now() };
    }
    if (this.neo4jData.has) return true;
    const storeHasData = (await this.store.current()).counts.claims > 0;
    if (storeHasData && !this.warnedEmpty) {
      this.warnedEmpty = true;
      this.log("Neo4j is empty: serving the graph from the embedded store (run kg load to fill Neo4j)");
    }
    return !storeHasData;
  }

  /**
   * Autocomplete over Neo4j's entities: the index is built once and rebuilt when the entity count
   * changes or it is older than a minute (a reload may rename without adding), not per keystroke.
   */
  async neo4jSearchIndex(source: Neo4jSource): Promise<SearchIndex> {
    const { entities } = await source.counts();
    const cached = this.neo4jSearch;
    if (!cached || cached.entities !== entities || Date.now() - cached.at > 60_000) {
      this.neo4jSearch = { index: new SearchIndex(await source.searchEntries()), entities, at: Date.now() };
    }
    return this.neo4jSearch!.index;
  }
}
