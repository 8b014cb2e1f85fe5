import type { Article } from "../src/model/article.js";
import type { Claim } from "../src/model/claim.js";
import type { Entity } from "../src/model/entity.js";

/**
 * The extraction contract: one article's text in, claims and entities out. Stages are library
 * code (no I/O); readers in ingest/read turn files into Articles, the CLI stores the results.
 */
export interface ExtractionResult {
  claims: Claim[];
  entities: Entity[];
  warnings: string[];
  sentences: number;
}

export interface ExtractOptions {
  /** Entities known from earlier articles (the store), so names resolve across articles. */
  knownEntities?: readonly Entity[];
}

export type ExtractArticle = (article: Article, options?: ExtractOptions) => ExtractionResult;
