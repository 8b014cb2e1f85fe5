import type { Article } from "../src/model/article.js";
import type { Entity } from "../src/model/entity.js";
import { extractSafely, type SafeExtraction } from "./read/extract-safely.js";
import { chunksOf, chunkText, joinParses } from "./parse/chunks.js";
import { NlpRejectedError, NlpTimeoutError, parserSettings, type CoreNlpClient } from "./parse/corenlp-client.js";
import type { ParseCache } from "./parse/parse-cache.js";
import type { ParsedDocument } from "./parse/parsed.js";
import { prepareText } from "./parse/prepare.js";
import { extractArticle } from "./pipeline.js";

/**
 * One article from text to claims: the text prepared for the parser (headers and page furniture
 * blanked), parsed by CoreNLP or taken from the parse cache, then the frames. A text the parser
 * refuses or that runs past the time limit fails that article only; a server that does not answer
 * at all throws NlpUnavailableError, which ends the run (every article would fail the same way).
 */

export interface ArticleExtractor {
  extract(article: Article): Promise<SafeExtraction & { cached: boolean; words: number }>;
}

export interface ExtractorOptions {
  /** the client, made on the first parse the cache cannot give (starting a server costs ~20 s) */
  client: () => Promise<CoreNlpClient>;
  cache: ParseCache;
  /** parser identity for the cache when no client was made yet */
  parserId: string;
  timeoutMs: number;
  knownEntities: readonly Entity[];
}

export function articleExtractor(o: ExtractorOptions): ArticleExtractor {
  return {
    async extract(article) {
      const prep = prepareText(article.text);
      const headerDate = prep.header.date ?? "";
      const date = article.date ?? (/^\d{4}-\d{2}-\d{2}$/.test(headerDate) ? headerDate : null);
      const settings = JSON.stringify(parserSettings());
      const key = o.cache.key({ parserId: o.parserId, settings, date, text: prep.text });
      let parsed: ParsedDocument | null = o.cache.get(key);
      const cached = parsed !== null;
      if (!parsed) {
        try {
          const client = await o.client();
          const deadline = Date.now() + o.timeoutMs;
          const parts = [];
          for (const chunk of chunksOf(prep.text)) {
            const timeoutMs = deadline - Date.now();
            // a long article is parsed in chunks, each given what is left of the article's time:
            // the user is told the article's limit, not what was left for the chunk
            if (timeoutMs <= 0) throw new NlpTimeoutError(o.timeoutMs);
            const text = chunkText(prep.text, chunk);
            const doc = await client.parse({ text, date, timeoutMs }).catch((e: unknown) => {
              throw e instanceof NlpTimeoutError ? new NlpTimeoutError(o.timeoutMs) : e;
            });
            parts.push({ chunk, doc });
          }
          parsed = joinParses(parts, client.parserId);
        } catch (e) {
          if (e instanceof NlpRejectedError) return { ok: false, message: e.message, cached: false, words: 0 };
          throw e;
        }
        o.cache.set(key, parsed);
      }
      const words = parsed.sentences.reduce((n, s) => n + s.tokens.length, 0);
      const doc = parsed;
      const result = extractSafely((a, opts) => extractArticle(a, doc, opts), article, {
        knownEntities: o.knownEntities,
      });
      return { ...result, cached, words };
    },
  };
}
