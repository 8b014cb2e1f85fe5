import neo4j, { type Driver, type ManagedTransaction, type Node, type Path, type Relationship } from "neo4j-driver";
import type { GraphNode, QueryResponse } from "../model/api.js";
import { formatNeo4jError } from "./errors.js";
import { toCypherParams } from "./params.js";
import { checkReadOnlyPlan } from "./read-guard.js";
import { toPlain } from "./values.js";
import { LINK_AGGREGATE_FIELDS } from "../model/link.js";

/**
 * The one query runner behind `kg query` and `POST /api/query`: read-only unless asked (a READ
 * transaction whose plan is checked first, see read-guard.ts), every call bounded by a
 * server-side transaction timeout, a row limit and a byte limit, results as plain JSON plus the
 * graph (nodes and links) they mention so the viewer can draw them.
 */
export interface RunQueryOptions {
  database: string;
  /** run in a write transaction; otherwise Neo4j itself refuses writes (AccessMode error) */
  write?: boolean;
  /** transaction timeout enforced by the server */
  timeoutMs: number;
  /** rows kept; streaming stops after one more row is seen (which sets `truncated`) */
  rowLimit: number;
  /** bytes of JSON kept (rows and the graph they mention); streaming stops past it */
  maxBytes?: number;
}

export const DEFAULT_MAX_BYTES = 16 * 1024 * 1024;

export type QueryLink = QueryResponse["links"][number];

/** Link fields a relationship may carry (the Link aggregate written by `kg load`). */
const LINK_FIELDS = LINK_AGGREGATE_FIELDS;

export async function runQuery(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown>,
  opts: RunQueryOptions,
): Promise<QueryResponse> {
  if (!Number.isInteger(opts.rowLimit) || opts.rowLimit < 0) throw new Error("rowLimit must be a non-negative integer");
  if (!(opts.timeoutMs > 0)) throw new Error("timeoutMs must be positive");
  const maxBytes = opts.maxBytes ?? DEFAULT_MAX_BYTES;
  if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new Error("maxBytes must be a positive integer");
  const session = driver.session({
    database: opts.database,
    defaultAccessMode: opts.write ? neo4j.session.WRITE : neo4j.session.READ,
    // small pages: a row limit of 100 should not make the server stream 1,000, and rows of a
    // megabyte each should not pile up in the driver before the byte limit is looked at
    fetchSize: Math.max(1, Math.min(opts.rowLimit + 1, 100)),
  });
  const cypherParams = toCypherParams(params) as Record<string, unknown>;
  const work = async (tx: ManagedTransaction) => {
    if (!opts.write) await checkReadOnlyPlan(tx, cypher, cypherParams);
    return collect(tx, cypher, cypherParams, opts.rowLimit, maxBytes);
  };
  const config = { timeout: opts.timeoutMs, metadata: { app: "kg", kind: "query" } };
  try {
    return opts.write ? await session.executeWrite(work, config) : await session.executeRead(work, config);
  } catch (e) {
    throw formatNeo4jError(e, cypher, opts.timeoutMs);
  } finally {
    await session.close();
  }
}

async function collect(
  tx: ManagedTransaction,
  cypher: string,
  params: Record<string, unknown>,
  rowLimit: number,
  maxBytes: number,
): Promise<QueryResponse> {
  const graph = new GraphCollector();
  const rows: Record<string, unknown>[] = [];
  let columns: string[] = [];
  let truncatedBy: "rows" | "bytes" | undefined;
  let bytes = 0;
  const result = tx.run(cypher, params);
  columns = await result.keys();
  for await (const record of result) {
    if (rows.length >= rowLimit) {
      // leaving the loop cancels the stream: the rest is never sent
      truncatedBy = "rows";
      break;
    }
    const row: Record<string, unknown> = {};
    let graphValues = false;
    for (const key of columns) row[key] = toPlain(record.get(key));
    for (const key of columns) graphValues = GraphCollector.mentionsGraph(record.get(key)) || graphValues;
    // nodes and links drawn from a row repeat at most what the row holds: count them once more
    const rowBytes = Buffer.byteLength(JSON.stringify(row)) * (graphValues ? 2 : 1);
    if (bytes + rowBytes > maxBytes) {
      truncatedBy = "bytes";
      break;
    }
    bytes += rowBytes;
    for (const key of columns) graph.visit(record.get(key));
    rows.push(row);
  }
  await graph.resolveEndpoints(tx);
  return {
    columns,
    rows,
    ...graph.result(),
    truncated: truncatedBy !== undefined,
    ...(truncatedBy ? { truncatedBy } : {}),
  };
}

/** Gathers the nodes and relationships met anywhere in the results (in lists, maps and paths). */
class GraphCollector {
  private readonly nodes = new Map<string, Node>();
  private readonly rels = new Map<string, Relationship>();

  /** Does a value hold a node, relationship or path anywhere? */
  static mentionsGraph(value: unknown): boolean {
    if (value === null || typeof value !== "object") return false;
    if (neo4j.isNode(value) || neo4j.isRelationship(value) || neo4j.isPath(value)) return true;
    if (Array.isArray(value)) return value.some((v) => GraphCollector.mentionsGraph(v));
    if (Object.getPrototypeOf(value) === Object.prototype)
      return Object.values(value).some((v) => GraphCollector.mentionsGraph(v));
    return false;
  }

  visit(value: unknown): void {
    if (value === null || typeof value !== "object") return;
    if (neo4j.isNode(value)) this.nodes.set(value.elementId, value as Node);
    else if (neo4j.isRelationship(value)) this.rels.set(value.elementId, value as Relationship);
    else if (neo4j.isPath(value)) {
      const p = value as Path;
      this.nodes.set(p.start.elementId, p.start);
      for (const s of p.segments) {
        this.nodes.set(s.end.elementId, s.end);
        this.rels.set(s.relationship.elementId, s.relationship);
      }
    } else if (Array.isArray(value)) for (const v of value) this.visit(v);
    else if (Object.getPrototypeOf(value) === Object.prototype) for (const v of Object.values(value)) this.visit(v);
  }

  /** A link needs both ends as nodes: fetch the endpoints the query returned only as relationships. */
  async resolveEndpoints(tx: ManagedTransaction): Promise<void> {
    const missing = new Set<string>();
    for (const r of this.rels.values()) {
      if (!this.nodes.has(r.startNodeElementId)) missing.add(r.startNodeElementId);
      if (!this.nodes.has(r.endNodeElementId)) missing.add(r.endNodeElementId);
    }
    if (missing.size === 0) return;
    const res = await tx.run("MATCH (n) WHERE elementId(n) IN $ids RETURN n", { ids: [...missing] });
    for (const rec of res.records) {
      const n = rec.get("n") as Node;
      this.nodes.set(n.elementId, n);
    }
  }

  result(): { nodes: GraphNode[]; links: QueryLink[] } {
    const idOf = (elementId: string) => {
      const n = this.nodes.get(elementId);
      return n ? nodeKey(n) : elementId;
    };
    const links: QueryLink[] = [...this.rels.values()].map((r) => toLink(r, idOf));
    const degree = new Map<string, number>();
    for (const l of links) {
      degree.set(l.source, (degree.get(l.source) ?? 0) + 1);
      degree.set(l.target, (degree.get(l.target) ?? 0) + 1);
    }
    const nodes = new Map<string, GraphNode>();
    for (const n of this.nodes.values()) {
      const g = toGraphNode(n);
      nodes.set(g.id, { ...g, degree: degree.get(g.id) ?? 0 });
    }
    return { nodes: [...nodes.values()], links };
  }
}

/** Entities (and articles, claims) by their `id` property; anything else by its element id. */
function nodeKey(n: Node): string {
  const id = n.properties["id"];
  return typeof id === "string" ? id : n.elementId;
}

function toGraphNode(n: Node): Omit<GraphNode, "degree"> & { degree: number } {
  const p = n.properties as Record<string, unknown>;
  const type = n.labels.find((l) => l !== "Entity") ?? n.labels[0] ?? "Node";
  const name =
    typeof p["name"] === "string"
      ? p["name"]
      : typeof p["title"] === "string"
        ? p["title"]
        : typeof p["predicate"] === "string"
          ? `${p["predicate"]} claim`
          : nodeKey(n);
  const aliases = Array.isArray(p["aliases"]) ? p["aliases"].filter((a): a is string => typeof a === "string") : [];
  const claims = typeof p["claims"] === "number" && Number.isInteger(p["claims"]) && p["claims"] >= 0 ? p["claims"] : 0;
  return { id: nodeKey(n), type, name, aliases, claims, degree: 0 };
}

function toLink(r: Relationship, idOf: (elementId: string) => string): QueryLink {
  const p = r.properties as Record<string, unknown>;
  const link: QueryLink = {
    id: typeof p["id"] === "string" ? p["id"] : r.elementId,
    source: idOf(r.startNodeElementId),
    target: idOf(r.endNodeElementId),
    predicate: r.type,
  };
  for (const field of LINK_FIELDS) {
    if (p[field] !== undefined && p[field] !== null) (link as Record<string, unknown>)[field] = toPlain(p[field]);
  }
  return link;
}
