import { z } from "zod";
import { issuesOf } from "../model/validate.js";

/**
 * Connection settings, read from the variable names Neo4j's own tools use. The defaults are
 * the project's local launcher (`npm run neo4j:start`): local-only credentials, never for a
 * server reachable from elsewhere.
 */
export const Neo4jConfigSchema = z.object({
  uri: z
    .string()
    .regex(/^(bolt|neo4j)(\+s|\+ssc)?:\/\/[^\s]+$/, "must be a bolt:// or neo4j:// URI")
    .default("bolt://127.0.0.1:7687"),
  username: z.string().min(1).default("neo4j"),
  password: z.string().min(1).default("neo4j-local"),
  database: z.string().min(1).default("neo4j"),
});
export type Neo4jConfig = z.infer<typeof Neo4jConfigSchema>;

export function neo4jConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  const raw = {
    uri: env.NEO4J_URI || undefined,
    username: env.NEO4J_USERNAME || undefined,
    password: env.NEO4J_PASSWORD || undefined,
    database: env.NEO4J_DATABASE || undefined,
  };
  const r = Neo4jConfigSchema.safeParse(raw);
  if (!r.success) {
    const names: Record<string, string> = {
      uri: "NEO4J_URI",
      username: "NEO4J_USERNAME",
      password: "NEO4J_PASSWORD",
      database: "NEO4J_DATABASE",
    };
    const msg = issuesOf(r.error)
      .map((i) => `${names[i.path] ?? i.path}: ${i.message}`)
      .join("; ");
    throw new Error(`invalid Neo4j configuration: ${msg}`);
  }
  return r.data;
}

/** Port of a bolt URI (7687 when absent). */
export function boltPort(uri: string): number {
  const m = /:\/\/[^/:]+:(\d+)/.exec(uri);
  return m ? Number(m[1]) : 7687;
}
