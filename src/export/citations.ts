import type { KnowledgeGraph } from "../graph/build.js";
import { csvRecord } from "./csv.js";

/**
 * The evidence behind every exported link, one row per claim, ready for a report's footnotes:
 * which link, which sentence, who said it, in which article. Negated and hedged claims are
 * marked, since a footnote citing a denial as support would be a wrong supply link.
 */
export interface CitationClaim {
  id: string;
  doc: string;
  evidence: { quote: string };
  attributedTo?: string[] | undefined;
  negated?: boolean | undefined;
  hedged?: boolean | undefined;
  time?: string | undefined;
}

export interface CitationArticle {
  id: string;
  title: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
}

/** What citations need; the store's data (StoreData) fits as it is. */
export interface CitationData {
  claims: Iterable<CitationClaim>;
  articles: Iterable<CitationArticle>;
}

export interface CitationRow {
  link: string;
  predicate: string;
  subject: string;
  object: string;
  claim: string;
  /** null when the claim is not in the data (the row still names it) */
  quote: string | null;
  negated: boolean | null;
  hedged: boolean | null;
  time: string | null;
  /** attributions joined with "; " */
  source: string;
  article: string | null;
  title: string | null;
  publisher: string | null;
  date: string | null;
  url: string | null;
}

export const CITATION_COLUMNS = [
  "link",
  "predicate",
  "subject",
  "object",
  "claim",
  "quote",
  "negated",
  "hedged",
  "time",
  "source",
  "article",
  "title",
  "publisher",
  "date",
  "url",
] as const satisfies ReadonlyArray<keyof CitationRow>;

export function citationRows(graph: KnowledgeGraph, data: CitationData): CitationRow[] {
  const claims = new Map<string, CitationClaim>();
  for (const c of data.claims) claims.set(c.id, c);
  const articles = new Map<string, CitationArticle>();
  for (const a of data.articles) articles.set(a.id, a);
  const rows: CitationRow[] = [];
  graph.forEachEdge((edge, attributes, source, target) => {
    const subject = graph.getNodeAttribute(source, "name");
    const object = graph.getNodeAttribute(target, "name");
    for (const claimId of attributes.claimIds ?? []) {
      const c = claims.get(claimId);
      const a = c ? articles.get(c.doc) : undefined;
      rows.push({
        link: edge,
        predicate: attributes.predicate,
        subject,
        object,
        claim: claimId,
        quote: c?.evidence.quote ?? null,
        negated: c ? (c.negated ?? false) : null,
        hedged: c ? (c.hedged ?? false) : null,
        time: c?.time ?? null,
        source: (c?.attributedTo ?? []).join("; "),
        article: c?.doc ?? null,
        title: a?.title ?? null,
        publisher: a?.publisher ?? null,
        date: a?.date ?? null,
        url: a?.url ?? null,
      });
    }
  });
  return rows;
}

export function renderCitations(graph: KnowledgeGraph, data: CitationData): string {
  const out = [csvRecord(CITATION_COLUMNS)];
  // csvRecord neutralises spreadsheet formulas in text cells (inertCell)
  for (const row of citationRows(graph, data)) out.push(csvRecord(CITATION_COLUMNS.map((k) => row[k])));
  return out.join("");
}
