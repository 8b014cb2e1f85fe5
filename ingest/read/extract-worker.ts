import { parentPort, workerData } from "node:worker_threads";
import type { Article } from "../../src/model/article.js";
import type { Entity } from "../../src/model/entity.js";
import { extractArticle } from "../pipeline.js";
import { extractSafely } from "./extract-safely.js";

/** One extraction thread of the pool (extract-pool.ts): article in, checked extraction out. */
export interface ExtractRequest {
  seq: number;
  article: Article;
}

const knownEntities = (workerData as { knownEntities: Entity[] }).knownEntities;
const port = parentPort!;
port.on("message", ({ seq, article }: ExtractRequest) => {
  port.postMessage({ seq, result: extractSafely(extractArticle, article, { knownEntities }) });
});
// the pipeline's word lists are compiled on import: only now is the thread worth a task
port.postMessage({ ready: true });
