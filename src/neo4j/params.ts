import neo4j from "neo4j-driver";

/**
 * Parameters for Cypher. JavaScript has one number type and the driver sends every number as a
 * float, which Neo4j refuses where it wants an integer (`LIMIT $limit`, list indexes); so whole
 * numbers become Neo4j integers. Already-converted integers pass through unchanged.
 */
export function toCypherParams(value: unknown): unknown {
  if (typeof value === "number" && Number.isSafeInteger(value)) return neo4j.int(value);
  if (value === null || typeof value !== "object" || neo4j.isInt(value)) return value;
  if (Array.isArray(value)) return value.map(toCypherParams);
  if (Object.getPrototypeOf(value) !== Object.prototype) return value;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toCypherParams(v)]));
}

/**
 * A parameter value as typed on a command line or in a `// @param` line: true/false/null,
 * numbers, JSON lists, maps and quoted strings; anything else is a plain string.
 */
export function parseParamValue(text: string, name = "value"): unknown {
  const t = text.trim();
  if (t === "true") return true;
  if (t === "false") return false;
  if (t === "null") return null;
  if (/^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?$/.test(t)) return Number(t);
  if (t.startsWith("[") || t.startsWith("{") || t.startsWith('"')) {
    try {
      return JSON.parse(t) as unknown;
    } catch (e) {
      throw new Error(`parameter ${name}: invalid JSON ${JSON.stringify(t)} (${(e as Error).message})`, { cause: e });
    }
  }
  return t;
}

/** `name=value` from `--param`. */
export function parseParamAssignment(text: string): [string, unknown] {
  const eq = text.indexOf("=");
  const name = eq > 0 ? text.slice(0, eq).trim() : "";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) {
    throw new Error(`--param ${JSON.stringify(text)}: expected name=value with a name of letters, digits and _`);
  }
  return [name, parseParamValue(text.slice(eq + 1), name)];
}
