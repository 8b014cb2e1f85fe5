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

/**
 * A URI may carry credentials (`bolt://user:password@host:7687`). They are taken out of it here,
 * once, and used as the username and password unless NEO4J_USERNAME / NEO4J_PASSWORD say
 * otherwise: `config.uri` is then safe to show anywhere (logs, errors, API answers).
 */
export function splitUriCredentials(uri: string): { uri: string; username?: string; password?: string } {
  const m = /^([a-z+]+:\/\/)([^@/]*)@(.*)$/i.exec(uri);
  if (!m) return { uri };
  const [, scheme, userinfo, rest] = m as unknown as [string, string, string, string];
  const colon = userinfo.indexOf(":");
  const decode = (s: string) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  };
  const username = decode(colon < 0 ? userinfo : userinfo.slice(0, colon));
  const password = colon < 0 ? undefined : decode(userinfo.slice(colon + 1));
  return { uri: scheme + rest, ...(username ? { username } : {}), ...(password ? { password } : {}) };
}

export function neo4jConfigFromEnv(env: NodeJS.ProcessEnv = process.env): Neo4jConfig {
  const fromUri = env.NEO4J_URI ? splitUriCredentials(env.NEO4J_URI) : null;
  const raw = {
    uri: fromUri?.uri || undefined,
    username: env.NEO4J_USERNAME || fromUri?.username || undefined,
    password: env.NEO4J_PASSWORD || fromUri?.password || undefined,
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
