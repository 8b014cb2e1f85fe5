import type { TestProject } from "vitest/node";
import { localNeo4j, start, stop } from "../../tools/neo4j/neo4j.js";

/**
 * Neo4j for the integration tests: the one NEO4J_URI names, or else the project's own local
 * Neo4j, started here (and stopped afterwards if this run started it). Never skipped.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  if (process.env.NEO4J_URI) {
    project.provide("neo4jStartedHere", false);
    return async () => undefined;
  }
  const n = localNeo4j();
  const { started } = await start(n);
  project.provide("neo4jStartedHere", started);
  return async () => {
    if (started && !process.env.KG_KEEP_NEO4J) await stop(n);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    neo4jStartedHere: boolean;
  }
}
