import neo4j from "neo4j-driver";

/**
 * `--param name=value` (a string) and `--param name:=JSON` (a number, list, map, true/false):
 * plain `=` never guesses a type, so a name like "1984" or "true" stays text. Whole JSON numbers
 * become Neo4j integers, because `LIMIT $n` and integer comparisons need them.
 */
function toNeo4j(value: unknown): unknown {
  if (typeof value === "number" && Number.isSafeInteger(value)) return neo4j.int(value);
  if (Array.isArray(value)) return value.map(toNeo4j);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toNeo4j(v)]));
  }
  return value;
}

export function parseQueryParams(specs: readonly string[]): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const spec of specs) {
    const m = /^([A-Za-z_][A-Za-z0-9_]*)(:?=)([\s\S]*)$/.exec(spec);
    if (!m) throw new Error(`--param ${JSON.stringify(spec)}: expected name=value or name:=JSON`);
    const [, name, op, raw] = m as unknown as [string, string, string, string];
    if (op === "=") {
      params[name] = raw;
      continue;
    }
    try {
      params[name] = toNeo4j(JSON.parse(raw));
    } catch (e) {
      throw new Error(`--param ${name}: invalid JSON after := (${(e as Error).message})`);
    }
  }
  return params;
}
