import { MultiDirectedGraph } from "graphology";
import neo4j, { type Driver } from "neo4j-driver";
import type { ClaimWithArticle, SentenceHit } from "../model/api.js";
import { ClaimSchema, type Claim } from "../model/claim.js";
import type { Entity } from "../model/entity.js";
import type { FilterNames, GraphFilter } from "../model/filter.js";
import { linkId, type Link } from "../model/link.js";
import type { KnowledgeGraph, LinkEdgeAttributes } from "../graph/build.js";
import { filterGraph } from "../graph/filter.js";
import { linkAggregateFromProperties } from "../neo4j/rows.js";
import { FLOW_PREDICATE, ROUTE_PREDICATE } from "../model/vocabulary.js";
import { distinctSentences, phraseQuery } from "./sentences.js";
import { neighborhood } from "./responses.js";
import type { SearchEntry } from "./search.js";

/**
 * The graph as loaded into Neo4j: the direct (:Entity)-[:PREDICATE {link aggregate}]->(:Entity)
 * relationships (claims are reified as :Claim nodes and are not walked here). Link-level filters
 * run in Cypher; entity types, sources and the focus neighbourhood run through the same graph
 * functions as the store, so both backends answer a filter identically.
 */

const LINK_WHERE = `
  ($predicates IS NULL OR type(r) IN $predicates)
  AND coalesce(r.sourceCount, 0) >= $minSources
  AND ($hideNegated = false OR NOT coalesce(r.negated, false))
  AND ($hideContested = false OR NOT coalesce(r.contested, false))
  AND ($fromYear IS NULL OR (r.lastYear IS NOT NULL AND r.lastYear >= $fromYear))
  AND ($toYear IS NULL OR (r.firstYear IS NOT NULL AND r.firstYear <= $toYear))`;

const LINK_RETURN =
  "RETURN startNode(r).id AS source, endNode(r).id AS target, type(r) AS predicate, properties(r) AS p";

const NODES = `
  MATCH (e:Entity) WHERE e.id IN $ids
  RETURN e.id AS id, e.name AS name, e.aliases AS aliases,
    [l IN labels(e) WHERE l <> 'Entity'] AS labels,
    coalesce(e.claims, COUNT { (e)<-[:SUBJECT|OBJECT]-(:Claim) }) AS claims`;

interface LinkRow {
  source: string;
  target: string;
  predicate: string;
  p: Record<string, unknown>;
}

const num = (v: unknown, fallback: number): number => (typeof v === "number" && Number.isFinite(v) ? v : fallback);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);

/** A relationship's properties as a Link; missing aggregate fields get neutral values. */
export function linkFromRow(row: LinkRow): Link {
  const { p } = row;
  return {
    id: typeof p["id"] === "string" ? p["id"] : linkId(row.source, row.predicate, row.target),
    source: row.source,
    target: row.target,
    predicate: row.predicate,
    ...linkAggregateFromProperties(p),
  };
}

function linkParams(filter: GraphFilter) {
  return {
    predicates: filter.predicates && filter.predicates.length > 0 ? filter.predicates : null,
    minSources: filter.minSources,
    hideNegated: filter.hideNegated,
    hideContested: filter.hideContested,
    fromYear: filter.fromYear ?? null,
    toYear: filter.toYear ?? null,
  };
}

/** A :Claim node's properties (as `kg load` writes them) back into the model's Claim; null if they do not fit. */
export function claimFromProps(p: Record<string, unknown>): Claim | null {
  const optional = (key: string) => (p[key] === null || p[key] === undefined ? undefined : p[key]);
  const raw: Record<string, unknown> = {
    id: p["id"],
    doc: p["doc"],
    subject: p["subject"],
    subjectId: p["subjectId"],
    predicate: p["predicate"],
    object: p["object"],
    objectId: p["objectId"],
    subjectInferred: optional("subjectInferred"),
    recipient: optional("recipient"),
    recipientId: optional("recipientId"),
    recipientInferred: optional("recipientInferred"),
    via: optional("via"),
    viaIds: optional("viaIds"),
    attributedTo: optional("attributedTo"),
    attributedToIds: optional("attributedToIds"),
    time: optional("time"),
    timeInferred: optional("timeInferred"),
    negated: p["negated"] === true,
    hedged: p["hedged"] === true,
    confidence: p["confidence"],
    rule: p["rule"],
    extractor: p["extractor"],
    evidence: { article: p["doc"], quote: p["quote"], start: p["start"], end: p["end"], sentence: p["sentence"] },
  };
  if (typeof p["amount"] === "string" && typeof p["amountValue"] === "number") {
    raw.amount = {
      text: p["amount"],
      value: p["amountValue"],
      unit: optional("amountUnit"),
      currency: optional("amountCurrency"),
    };
  }
  const r = ClaimSchema.safeParse(raw);
  return r.success ? r.data : null;
}

const CLAIM_PAGE = `
  OPTIONAL MATCH (c)-[:STATED_IN]->(a:Article)
  RETURN properties(c) AS c, CASE WHEN a IS NULL THEN null ELSE a {.id, .title, .publisher, .date, .url} END AS a
  ORDER BY c.doc, c.start, c.end, c.id
  SKIP $offset LIMIT $limit`;

interface ClaimPageRow {
  c: Record<string, unknown>;
  a: Record<string, unknown> | null;
}

function claimsWithArticles(rows: ClaimPageRow[]): ClaimWithArticle[] {
  const out: ClaimWithArticle[] = [];
  for (const row of rows) {
    const claim = claimFromProps(row.c);
    if (!claim) continue;
    const a = row.a;
    const s = (v: unknown) => (typeof v === "string" ? v : null);
    out.push({
      claim,
      article: a
        ? {
            id: s(a["id"]) ?? claim.doc,
            title: s(a["title"]),
            publisher: s(a["publisher"]),
            date: s(a["date"]),
            url: s(a["url"]),
          }
        : null,
    });
  }
  return out;
}

export interface Page {
  limit: number;
  offset: number;
}

export class Neo4jSource {
  constructor(
    readonly driver: Driver,
    readonly database: string,
  ) {}

  private async run<T>(cypher: string, params: Record<string, unknown>): Promise<T[]> {
    const { records } = await this.driver.executeQuery(cypher, params, { database: this.database, routing: "READ" });
    return records.map((r) => r.toObject() as T);
  }

  async counts(): Promise<{ articles: number; claims: number; entities: number }> {
    const [row] = await this.run<{ articles: number; claims: number; entities: number }>(
      `CALL { MATCH (a:Article) RETURN count(a) AS articles }
       CALL { MATCH (c:Claim) RETURN count(c) AS claims }
       CALL { MATCH (e:Entity) RETURN count(e) AS entities }
       RETURN articles, claims, entities`,
      {},
    );
    return row ?? { articles: 0, claims: 0, entities: 0 };
  }

  /** Adds the rows' links, and their end nodes (fetched when not yet in the graph). */
  private async addRows(graph: KnowledgeGraph, rows: LinkRow[]): Promise<void> {
    const missing = new Set<string>();
    for (const r of rows) {
      if (typeof r.source === "string" && !graph.hasNode(r.source)) missing.add(r.source);
      if (typeof r.target === "string" && !graph.hasNode(r.target)) missing.add(r.target);
    }
    await this.addNodes(graph, [...missing]);
    for (const row of rows) {
      // an end without an id (or deleted meanwhile) cannot be drawn
      if (!graph.hasNode(row.source) || !graph.hasNode(row.target)) continue;
      const { id, source, target, ...attributes } = linkFromRow(row);
      if (graph.hasEdge(id)) continue;
      graph.addDirectedEdgeWithKey(id, source, target, attributes satisfies LinkEdgeAttributes);
    }
  }

  private async addNodes(graph: KnowledgeGraph, ids: string[]): Promise<void> {
    const pending = ids.filter((id) => !graph.hasNode(id));
    if (pending.length === 0) return;
    const rows = await this.run<{ id: string; name: unknown; aliases: unknown; labels: string[]; claims: unknown }>(
      NODES,
      { ids: pending },
    );
    for (const r of rows) {
      graph.mergeNode(r.id, {
        type: r.labels[0] ?? "Entity",
        name: typeof r.name === "string" ? r.name : r.id,
        aliases: strings(r.aliases),
        claims: num(r.claims, 0),
      });
    }
  }

  /** The whole graph narrowed by the filter. */
  async graph(filter: GraphFilter, names?: FilterNames): Promise<KnowledgeGraph> {
    const graph: KnowledgeGraph = new MultiDirectedGraph();
    const rows = await this.run<LinkRow>(
      `MATCH (s:Entity)-[r]->(t:Entity) WHERE ${LINK_WHERE} ${LINK_RETURN}`,
      linkParams(filter),
    );
    if (filter.focus !== undefined) await this.addNodes(graph, [filter.focus]);
    await this.addRows(graph, rows);
    return filterGraph(graph, filter, names);
  }

  /**
   * The neighbourhood of one entity, fetched hop by hop (only the links around the frontier,
   * then the links among the nodes reached), or null when Neo4j has no such entity.
   */
  async neighborhood(id: string, filter: GraphFilter, names?: FilterNames): Promise<KnowledgeGraph | null> {
    const local: KnowledgeGraph = new MultiDirectedGraph();
    await this.addNodes(local, [id]);
    if (!local.hasNode(id)) return null;
    const params = linkParams(filter);
    const known = new Set([id]);
    let frontier = [id];
    for (let hop = 0; hop < filter.hops && frontier.length > 0; hop++) {
      const rows = await this.run<LinkRow>(
        `UNWIND $frontier AS fid MATCH (n:Entity {id: fid})-[r]-(m:Entity) WHERE ${LINK_WHERE} ${LINK_RETURN}`,
        { ...params, frontier },
      );
      await this.addRows(local, rows);
      const reached = neighborhood(local, id, { ...filter, hops: hop + 1 }, names);
      frontier = reached.filterNodes((n) => !known.has(n));
      for (const n of frontier) known.add(n);
    }
    if (known.size > 1) {
      const rows = await this.run<LinkRow>(
        `MATCH (s:Entity)-[r]->(t:Entity) WHERE s.id IN $ids AND t.id IN $ids AND ${LINK_WHERE} ${LINK_RETURN}`,
        { ...params, ids: [...known] },
      );
      await this.addRows(local, rows);
    }
    return neighborhood(local, id, filter, names);
  }

  /** The entity and one page of the claims naming it in any role, or null when unknown. */
  async entity(id: string, page: Page): Promise<{ entity: Entity; claims: ClaimWithArticle[]; total: number } | null> {
    const [head] = await this.run<{ e: Record<string, unknown>; labels: string[]; total: number }>(
      `MATCH (e:Entity {id: $id})
       RETURN properties(e) AS e, [l IN labels(e) WHERE l <> 'Entity'] AS labels,
         COUNT { MATCH (e)<-[:SUBJECT|OBJECT|RECIPIENT|VIA|ATTRIBUTED_TO]-(c:Claim) RETURN DISTINCT c } AS total`,
      { id },
    );
    if (!head) return null;
    const rows = await this.run<ClaimPageRow>(
      `MATCH (e:Entity {id: $id})<-[:SUBJECT|OBJECT|RECIPIENT|VIA|ATTRIBUTED_TO]-(c:Claim)
       WITH DISTINCT c ${CLAIM_PAGE}`,
      { id, offset: neo4j.int(page.offset), limit: neo4j.int(page.limit) },
    );
    const e = head.e;
    const entity: Entity = {
      id,
      type: typeof e["type"] === "string" ? e["type"] : (head.labels[0] ?? "Entity"),
      name: typeof e["name"] === "string" ? e["name"] : id,
      aliases: strings(e["aliases"]),
      merges: [],
    };
    return { entity, claims: claimsWithArticles(rows), total: num(head.total, 0) };
  }

  /** The link (relation link, flow or route leg) and one page of its claims, or null when unknown. */
  async evidence(id: string, page: Page): Promise<{ link: Link; claims: ClaimWithArticle[]; total: number } | null> {
    const paging = { id, offset: neo4j.int(page.offset), limit: neo4j.int(page.limit) };
    // a relation link is found through its claims (indexed by linkId), then between their ends
    const [row] = await this.run<LinkRow>(
      `MATCH (c:Claim {linkId: $id}) WITH c LIMIT 1
       MATCH (:Entity {id: c.subjectId})-[r {id: $id}]->(:Entity {id: c.objectId}) ${LINK_RETURN}`,
      { id },
    );
    if (row) {
      const link = linkFromRow(row);
      const rows = await this.run<ClaimPageRow>(`MATCH (c:Claim {linkId: $id}) ${CLAIM_PAGE}`, paging);
      return { link, claims: claimsWithArticles(rows), total: link.claimIds.length || link.claims };
    }
    // a flow or route leg by its id (unique per type), then its claims by the ids it lists
    const [flow] = await this.run<LinkRow>(
      `MATCH ()-[r:${FLOW_PREDICATE}|${ROUTE_PREDICATE} {id: $id}]->() ${LINK_RETURN}`,
      { id },
    );
    if (!flow) return null;
    const link = linkFromRow(flow);
    const rows = await this.run<ClaimPageRow>(`UNWIND $ids AS cid MATCH (c:Claim {id: cid}) WITH c ${CLAIM_PAGE}`, {
      ...paging,
      ids: link.claimIds,
    });
    return { link, claims: claimsWithArticles(rows), total: link.claimIds.length };
  }

  /** Claims by id with their articles, in article order, and the ids Neo4j does not hold. */
  async claimsByIds(ids: readonly string[]): Promise<{ claims: ClaimWithArticle[]; missing: string[] }> {
    const rows = await this.run<ClaimPageRow>(`UNWIND $ids AS cid MATCH (c:Claim {id: cid}) WITH c ${CLAIM_PAGE}`, {
      ids: [...ids],
      offset: neo4j.int(0),
      limit: neo4j.int(ids.length),
    });
    const claims = claimsWithArticles(rows);
    const found = new Set(claims.map((c) => c.claim.id));
    return { claims, missing: ids.filter((id) => !found.has(id)) };
  }

  /** Sentences containing the phrase, through the full-text index on the claims' quotes. */
  async sentences(query: string, limit: number): Promise<SentenceHit[]> {
    const rows = await this.run<{ c: Record<string, unknown> }>(
      `CALL db.index.fulltext.queryNodes("claim_quotes", $q) YIELD node, score
       RETURN properties(node) AS c ORDER BY score DESC, node.doc, node.start LIMIT $limit`,
      { q: phraseQuery(query), limit: neo4j.int(limit * 5) },
    );
    const claims = rows.map((r) => claimFromProps(r.c)).filter((c): c is Claim => c !== null);
    return distinctSentences(claims, limit);
  }

  /** Every entity, for the autocomplete index. */
  async searchEntries(): Promise<SearchEntry[]> {
    const rows = await this.run<{ id: string; name: unknown; aliases: unknown; labels: string[]; claims: unknown }>(
      `MATCH (e:Entity) RETURN e.id AS id, e.name AS name, e.aliases AS aliases,
         [l IN labels(e) WHERE l <> 'Entity'] AS labels, e.claims AS claims`,
      {},
    );
    return rows
      .filter((r) => typeof r.id === "string")
      .map((r) => ({
        id: r.id,
        name: typeof r.name === "string" ? r.name : r.id,
        type: r.labels[0] ?? "Entity",
        aliases: strings(r.aliases),
        weight: num(r.claims, 0),
      }));
  }
}
