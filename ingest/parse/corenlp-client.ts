import { createHash } from "node:crypto";
import { compactParse, CoreNlpResponseSchema } from "./corenlp-response.js";
import type { ParsedDocument } from "./parsed.js";

/**
 * A client of a Stanford CoreNLP server (the stock protocol: POST the text, the settings as a
 * URL-encoded JSON `properties` parameter). One request per article; each runs on its own server
 * thread, so concurrent requests use the server's threads.
 */

export const ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,depparse";

/**
 * What kg asks the parser for. The fine-grained NER layer (COUNTRY, CITY, ...) is off: it doubles
 * the time of NER and the gazetteers give the same distinctions; SUTime stays on, it resolves
 * "last year" and "in March" against the article's date.
 */
export function parserSettings(): Record<string, string> {
  return {
    annotators: ANNOTATORS,
    outputFormat: "json",
    "ner.applyFineGrained": "false",
    // a line break ends a sentence: titles, headings and captions are lines of their own
    "ssplit.newlineIsSentenceBreak": "always",
  };
}

/** The server is not there (connection refused, wrong address, could not start): nothing can be parsed. */
export class NlpUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NlpUnavailableError";
  }

  static at(url: string, detail: string): NlpUnavailableError {
    return new NlpUnavailableError(
      `CoreNLP does not answer at ${url} (${detail}); start the local one with \`npm run nlp:start\`, ` +
        `or set KG_NLP_URL to a running CoreNLP server`,
    );
  }
}

/** The server answered but could not parse this text (too long, timed out, malformed output). */
export class NlpRejectedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "NlpRejectedError";
  }
}

/** A parse that ran past its time limit (the article is skipped like a rejected one). */
export class NlpTimeoutError extends NlpRejectedError {
  constructor(readonly timeoutMs: number) {
    super(`parsing took longer than ${seconds(timeoutMs)} s; skipped (raise --timeout)`);
    this.name = "NlpTimeoutError";
  }
}

export interface ParseRequest {
  text: string;
  /** the article's date (YYYY-MM-DD) anchoring relative dates; none: the server's today */
  date?: string | null;
  /** per-article limit; the server cancels the annotation at this time too */
  timeoutMs: number;
}

export interface CoreNlpClient {
  readonly url: string;
  /** identifies the parser and its settings (the parse cache keys on it) */
  readonly parserId: string;
  parse(request: ParseRequest): Promise<ParsedDocument>;
}

export function coreNlpClient(url: string): CoreNlpClient {
  const base = url.replace(/\/+$/, "");
  const parserId = `corenlp@${createHash("sha256").update(base).update(ANNOTATORS).digest("hex").slice(0, 12)}`;
  return {
    url: base,
    parserId,
    async parse({ text, date, timeoutMs }) {
      const settings = { ...parserSettings(), timeout: String(timeoutMs) };
      const params = new URLSearchParams({ properties: JSON.stringify(settings) });
      if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) params.set("date", date);
      let response: Response;
      try {
        response = await fetch(`${base}/?${params.toString()}`, {
          method: "POST",
          headers: { "content-type": "text/plain; charset=utf-8" },
          body: text,
          // the server cancels at timeoutMs; the client waits a little longer for its answer
          signal: AbortSignal.timeout(timeoutMs + 5_000),
        });
      } catch (e) {
        const err = e as Error & { cause?: { code?: string; message?: string } };
        if (err.name === "TimeoutError") {
          throw new NlpTimeoutError(timeoutMs);
        }
        throw NlpUnavailableError.at(base, err.cause?.code ?? err.cause?.message ?? err.message);
      }
      const body = await response.text();
      if (!response.ok) {
        const said = body.trim().split("\n")[0]?.slice(0, 300) ?? "";
        if (/timed out/i.test(said)) {
          throw new NlpTimeoutError(timeoutMs);
        }
        throw new NlpRejectedError(`CoreNLP refused the text (HTTP ${response.status}${said ? `: ${said}` : ""})`);
      }
      let json: unknown;
      try {
        json = JSON.parse(body);
      } catch {
        throw new NlpRejectedError(`CoreNLP answered with something that is not JSON (${body.slice(0, 80)}…)`);
      }
      const r = CoreNlpResponseSchema.safeParse(json);
      if (!r.success) {
        const i = r.error.issues[0];
        throw new NlpRejectedError(
          `CoreNLP's answer lacks what kg needs (${i?.path.join(".") ?? "?"}: ${i?.message ?? "invalid"}); ` +
            `is it a CoreNLP server with the annotators ${ANNOTATORS}?`,
        );
      }
      return compactParse(r.data, parserId);
    },
  };
}

const seconds = (ms: number) => Math.round(ms / 100) / 10;
