import type { Article } from "../../src/model/article.js";
import { ClaimSchema, type Claim } from "../../src/model/claim.js";
import { EntitySchema, type Entity } from "../../src/model/entity.js";
import { issuesOf } from "../../src/model/validate.js";
import type { ExtractArticle, ExtractionResult, ExtractOptions } from "../types.js";

/**
 * Runs the extractor on one article so that whatever goes wrong stays with that article: an
 * exception becomes an error for the file, and a claim that breaks the model (bad offsets, a
 * quote that is not the text at its offsets) is dropped with a warning instead of reaching the
 * store, where it would point an analyst at the wrong sentence.
 */
export type SafeExtraction = { ok: true; result: ExtractionResult } | { ok: false; message: string };

function describe(issues: Array<{ path: string; message: string }>): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
}

export function extractSafely(extract: ExtractArticle, article: Article, options?: ExtractOptions): SafeExtraction {
  let raw: ExtractionResult;
  try {
    raw = extract(article, options);
  } catch (e) {
    const err = e as Error;
    return { ok: false, message: `extraction failed: ${err?.message ?? String(e)}` };
  }
  const warnings = [...(raw.warnings ?? [])];
  const claims: Claim[] = [];
  for (const c of raw.claims ?? []) {
    const r = ClaimSchema.safeParse(c);
    if (!r.success) {
      warnings.push(`dropped an invalid claim ${c?.id ?? "?"}: ${describe(issuesOf(r.error))}`);
      continue;
    }
    const { start, end, quote } = r.data.evidence;
    if (r.data.doc !== article.id || article.text.slice(start, end) !== quote) {
      warnings.push(`dropped claim ${r.data.id}: its evidence is not the article's text at ${start}-${end}`);
      continue;
    }
    claims.push(r.data);
  }
  const entities: Entity[] = [];
  for (const e of raw.entities ?? []) {
    const r = EntitySchema.safeParse(e);
    if (r.success) entities.push(r.data);
    else warnings.push(`dropped an invalid entity ${e?.id ?? "?"}: ${describe(issuesOf(r.error))}`);
  }
  return { ok: true, result: { claims, entities, warnings, sentences: raw.sentences ?? 0 } };
}
