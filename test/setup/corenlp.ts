import type { TestProject } from "vitest/node";
import { localCoreNlp, nlpAnswers, start, stop } from "../../tools/corenlp/corenlp.js";

/**
 * CoreNLP for the `nlp` tests: the server KG_NLP_URL names (which must answer: these tests are
 * never skipped), or else a CoreNLP already answering on the default port, or else the project's
 * local server, started here with 2 threads and stopped afterwards if this run started it
 * (KG_KEEP_NLP=1 keeps it for the next run).
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const n = localCoreNlp();
  if (n.explicitUrl) {
    if (!(await nlpAnswers(n.url)))
      throw new Error(
        `KG_NLP_URL=${n.url} does not answer as a CoreNLP server; start one (npm run nlp:start) or unset KG_NLP_URL`,
      );
    project.provide("nlpUrl", n.url);
    return async () => undefined;
  }
  // a CoreNLP already answering on the port (another checkout's, or `npm run nlp:start`) keeps no
  // state between requests, so the tests share it rather than fail on a taken port
  if (await nlpAnswers(n.url)) {
    project.provide("nlpUrl", n.url);
    return async () => undefined;
  }
  const { started } = await start(n, { threads: 2 });
  project.provide("nlpUrl", n.url);
  return async () => {
    if (started && !process.env.KG_KEEP_NLP) await stop(n);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    nlpUrl: string;
  }
}
