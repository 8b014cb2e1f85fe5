import type { Article } from "../../src/model/article.js";

/**
 * What the readers produce for each input: an article (with non-fatal warnings), a failure
 * (the input could not be read as an article: the run's exit code says so), or a skip (an input
 * that is not an article at all, such as a stray file of another type inside a folder).
 */
export type ReadItem =
  | { kind: "article"; source: string; article: Article; warnings: string[] }
  | { kind: "failed"; source: string; message: string }
  | { kind: "skipped"; source: string; message: string };
