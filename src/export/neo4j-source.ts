import { MultiDirectedGraph } from "graphology";
import type { Driver } from "neo4j-driver";
import type { KnowledgeGraph, LinkEdgeAttributes } from "../graph/build.js";
import { linkId } from "../model/link.js";
import { DEFAULT_VOCABULARY, type Vocabulary } from "../model/vocabulary.js";
import { runQuery, type QueryLink } from "../neo4j/query.js";
import type { CitationArticle, CitationClaim, CitationData } from "./citations.js";

/**
 * A Cypher query's result as an exportable subgraph. The nodes, relationships and paths it
 * returns (anywhere in its rows) are collected by the shared query runner (read transaction,
 * timeout, row cap). Kept: entity nodes (a label of the vocabulary's entity types), keyed by
 * their `id` property, and relationships of a vocabulary relation type between two of them,
 * with the link aggregate properties `kg load` writes. Skipped (and counted): Claim and Article
 * nodes and the structural relationships around them (SUBJECT, OBJECT, STATED_IN, ...), since
 * every format here is an entity graph; their content goes to the citations file instead.
 */
export interface Neo4jSubgraphOptions {
  database: string;
  timeoutMs?: number;
  rowLimit?: number;
  vocabulary?: Vocabulary;
}

export interface Neo4jSubgraph {
  graph: KnowledgeGraph;
  rows: number;
  /** the row limit cut the result */
  truncated: boolean;
  skippedNodes: number;
  skippedRelationships: number;
}

const strings = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : []);
const int = (v: unknown): number | null => (typeof v === "number" && Number.isSafeInteger(v) ? v : null);

function edgeAttributes(l: QueryLink): LinkEdgeAttributes {
  const claimIds = strings(l.claimIds);
  const negatedClaims = int(l.negatedClaims) ?? 0;
  const claims = int(l.claims) ?? claimIds.length;
  return {
    predicate: l.predicate,
    claims,
    claimIds,
    sources: strings(l.sources),
    sourceCount: int(l.sourceCount) ?? 0,
    articles: strings(l.articles),
    recipients: strings(l.recipients),
    via: strings(l.via),
    firstYear: int(l.firstYear),
    lastYear: int(l.lastYear),
    negatedClaims,
    negated: typeof l.negated === "boolean" ? l.negated : false,
    contested: typeof l.contested === "boolean" ? l.contested : false,
    confidence: typeof l.confidence === "number" ? l.confidence : 0,
  };
}

export async function neo4jSubgraph(
  driver: Driver,
  cypher: string,
  params: Record<string, unknown>,
  options: Neo4jSubgraphOptions,
): Promise<Neo4jSubgraph> {
  const vocabulary = options.vocabulary ?? DEFAULT_VOCABULARY;
  const result = await runQuery(driver, cypher, params, {
    database: options.database,
    timeoutMs: options.timeoutMs ?? 60_000,
    rowLimit: options.rowLimit ?? 100_000,
    // a file written on this machine, bounded by its row limit: the API's byte cap is not for it
    maxBytes: 1024 ** 3,
  });
  const graph: KnowledgeGraph = new MultiDirectedGraph();
  let skippedNodes = 0;
  for (const n of result.nodes) {
    if (!vocabulary.entityTypes.has(n.type)) {
      skippedNodes++;
      continue;
    }
    graph.mergeNode(n.id, { type: n.type, name: n.name, aliases: n.aliases, claims: n.claims });
  }
  let skippedRelationships = 0;
  for (const l of result.links) {
    if (!vocabulary.relationTypes.has(l.predicate) || !graph.hasNode(l.source) || !graph.hasNode(l.target)) {
      skippedRelationships++;
      continue;
    }
    // relationships written by `kg load` carry the link id; others get the id the store would give
    const id = /^l_[0-9a-f]{16}$/.test(l.id) ? l.id : linkId(l.source, l.predicate, l.target);
    if (graph.hasEdge(id)) continue;
    graph.addDirectedEdgeWithKey(id, l.source, l.target, edgeAttributes(l));
  }
  return { graph, rows: result.rows.length, truncated: result.truncated, skippedNodes, skippedRelationships };
}

/**
 * The claims behind the graph's links and their articles, read from Neo4j's claim layer as
 * `kg load` writes it: (:Claim {id, doc, quote, attributedTo, negated, hedged, time})
 * -[:STATED_IN]->(:Article {id, title, publisher, date, url}).
 */
export async function neo4jCitationData(
  driver: Driver,
  graph: KnowledgeGraph,
  options: { database: string; timeoutMs?: number },
): Promise<CitationData> {
  const ids = new Set<string>();
  graph.forEachEdge((_e, a) => a.claimIds.forEach((id) => ids.add(id)));
  const claims: CitationClaim[] = [];
  const articles = new Map<string, CitationArticle>();
  if (ids.size === 0) return { claims, articles: [] };
  const session = driver.session({ database: options.database });
  try {
    await session.executeRead(
      async (tx) => {
        const res = await tx.run(
          `UNWIND $ids AS cid
           MATCH (c:Claim {id: cid})
           OPTIONAL MATCH (c)-[:STATED_IN]->(a:Article)
           RETURN c {.id, .doc, .quote, .attributedTo, .negated, .hedged, .time} AS claim,
                  a {.id, .title, .publisher, .date, .url} AS article`,
          { ids: [...ids] },
        );
        for (const r of res.records) {
          const c = r.get("claim") as Record<string, unknown>;
          const a = r.get("article") as Record<string, unknown> | null;
          const doc = typeof c["doc"] === "string" ? c["doc"] : typeof a?.["id"] === "string" ? a["id"] : "";
          // a claim without its quote cannot be cited: left out, so the export reports it missing
          if (typeof c["quote"] !== "string") continue;
          claims.push({
            id: String(c["id"]),
            doc,
            evidence: { quote: c["quote"] },
            attributedTo: strings(c["attributedTo"]),
            negated: c["negated"] === true,
            hedged: c["hedged"] === true,
            time: typeof c["time"] === "string" ? c["time"] : undefined,
          });
          if (a && doc) {
            const text = (k: string) =>
              typeof a[k] === "string" ? (a[k] as string) : a[k] == null ? null : String(a[k]);
            articles.set(doc, {
              id: doc,
              title: text("title"),
              publisher: text("publisher"),
              date: text("date"),
              url: text("url"),
            });
          }
        }
      },
      { timeout: options.timeoutMs ?? 60_000 },
    );
  } finally {
    await session.close();
  }
  return { claims, articles: [...articles.values()] };
}
