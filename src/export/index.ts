/**
 * Subgraph exports for analysts' tools (Gephi, Cytoscape, yEd, NetworkX, neo4j-admin, reports).
 *
 * STABLE API (used by `kg export` and by `kg serve`'s GET /api/export; keep these signatures):
 *
 *   type ExportFormat = "graphml" | "gexf" | "json" | "csv" | "cypher";
 *   EXPORT_FORMATS: readonly ExportFormat[]; ExportFormatSchema (zod enum)
 *   interface ExportFile { name: string; mediaType: string; content: string }
 *   interface ExportStream { name: string; mediaType: string; chunks(): Iterable<string> }
 *   renderExport(graph, format, options?): ExportFile[]          whole files in memory
 *   renderExportStreams(graph, format, options?): ExportStream[]  the same, chunk by chunk (large graphs)
 *   writeExport(graph, format, outPath, options?): Promise<string[]>  atomic writes, returns paths
 *       csv: outPath is a folder (nodes.csv, relationships.csv, import.txt); others: a file
 *   exportLosses(graph, format): ExportLoss[]                     what the format cannot keep as the graph holds it
 *   renderCitations(graph, storeData): string                     CSV of the evidence of every link
 *   citationRows(graph, storeData): CitationRow[]                 the same rows, as objects
 *   storeSubgraph(dir, filter): Promise<KnowledgeGraph>           the store's graph narrowed by a GraphFilter
 *   neo4jSubgraph(driver, cypher, params, options): Promise<Neo4jSubgraph>   a Cypher result as a graph
 *   neo4jCitationData(driver, graph, options): Promise<CitationData>         claims + articles from Neo4j
 *
 * ExportOptions: { vocabulary?: Vocabulary (labels and relationship types allowed in the CSV and
 * Cypher outputs; DEFAULT_VOCABULARY when absent), onChunk?: (chars) => void (progress) }.
 * Errors: a node type or predicate outside the vocabulary (csv, cypher) and a node/link id with
 * characters XML cannot hold (graphml, gexf) throw before anything is written.
 *
 * Conventions, the same in every format: nodes carry type, name, aliases, claims (+ label = name
 * in GraphML/GEXF, which the tools display); edges are keyed by the link id and carry predicate
 * and the link aggregate (claims, claimIds, sources, sourceCount, articles, recipients, via,
 * firstYear, lastYear, negatedClaims, negated, contested, confidence) (+ label = predicate, and
 * GEXF weight = claims).
 *   - GraphML (own writer, key ids = attribute names; Gephi's edge type in <edge label>) and
 *     GEXF 1.3 (graphology-gexf; edge kind = predicate), so that Gephi keeps parallel links
 *     apart and names its columns after the attributes: lists are JSON
 *     arrays in string attributes (lossless; `json.loads` in NetworkX); null years are left out;
 *     characters XML 1.0 forbids (C0 controls but tab/newline/CR, lone surrogates, U+FFFE/F)
 *     are removed from plain strings (inside the JSON lists they survive as \u escapes).
 *   - JSON: graph.export(), byte-faithful.
 *   - CSV: neo4j-admin headers, RFC 4180, array delimiter ";" (or "|", "¦", U+001F when an item
 *     contains ";"; import.txt names it), the predicate as :TYPE, labels "Entity;<Type>".
 *   - Cypher: UNWIND batches of literal maps, MERGE by id, one statement per line.
 *   - Citations: one CSV row per claim of every exported link; cells starting with = + - @ get a
 *     leading apostrophe (spreadsheet formula injection); claims not found have an empty quote.
 *   - From Neo4j: entity nodes and vocabulary relationships between them are kept; Claim and
 *     Article nodes and their relationships are skipped (counted); citations come from the
 *     Claim/Article nodes `kg load` writes.
 */
export { EXPORT_FORMATS, ExportFormatSchema, type ExportFormat, type ExportFile, type ExportStream } from "./types.js";
export type { ExportOptions } from "./types.js";
export { renderExport, renderExportStreams, writeExport } from "./render.js";
export { exportLosses, type ExportLoss, type LossKind } from "./losses.js";
export { renderCitations, citationRows, type CitationRow, type CitationData } from "./citations.js";
export { storeSubgraph } from "./store-source.js";
export { neo4jSubgraph, neo4jCitationData, type Neo4jSubgraph, type Neo4jSubgraphOptions } from "./neo4j-source.js";
