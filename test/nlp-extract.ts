import { inject } from "vitest";
import type { Article } from "../src/model/article.js";
import type { Entity } from "../src/model/entity.js";
import { articleExtractor } from "../ingest/extract.js";
import { coreNlpClient } from "../ingest/parse/corenlp-client.js";
import { ParseCache } from "../ingest/parse/parse-cache.js";
import type { ExtractionResult } from "../ingest/types.js";

/**
 * Extraction as `kg ingest` does it, for the `nlp` tests: the real CoreNLP server of the test run
 * (test/setup/corenlp.ts), no parse cache, so every test parses for real.
 */

export function article(id: string, text: string, date: string | null = null): Article {
  return { id, title: null, publisher: null, date, url: null, text, sourcePath: null };
}

export async function extract(a: Article, knownEntities: readonly Entity[] = []): Promise<ExtractionResult> {
  const client = coreNlpClient(inject("nlpUrl"));
  const x = articleExtractor({
    client: async () => client,
    cache: new ParseCache(null),
    parserId: client.parserId,
    timeoutMs: 120_000,
    knownEntities,
  });
  const r = await x.extract(a);
  if (!r.ok) throw new Error(`extraction failed: ${r.message}`);
  return r.result;
}

export async function extractText(text: string, date: string | null = null, id = "case"): Promise<ExtractionResult> {
  return extract(article(id, text, date));
}
