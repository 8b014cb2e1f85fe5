import { parseParamValue } from "./params.js";

/**
 * The header of a queries/*.cypher file: comment lines before the first statement line.
 *
 *   // Who supplies an item
 *   // Every supplier of the item, with the sources behind each link.
 *   // @param item = "item:ammonium-perchlorate"
 *   // @param limit = 50
 *
 * The first line is the title, the other plain lines the description; `@param name = value`
 * declares a parameter and its default (typed like `--param`: numbers, booleans, JSON lists,
 * quoted or bare strings). They are comments, so the file also runs in Neo4j Browser or
 * cypher-shell once the parameters are set there (`:param item => "..."`).
 */
export interface QueryParamSpec {
  name: string;
  default: unknown;
}

export interface QueryFile {
  title: string | null;
  description: string;
  params: QueryParamSpec[];
  cypher: string;
}

const PARAM_LINE = /^@param\s+([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)$/;

export function parseQueryFile(text: string, where = "query"): QueryFile {
  const lines = text.split(/\r?\n/);
  const prose: string[] = [];
  const params: QueryParamSpec[] = [];
  for (const [i, raw] of lines.entries()) {
    const line = raw.trim();
    if (line === "") continue;
    if (!line.startsWith("//")) break;
    const body = line.replace(/^\/\/+\s?/, "").trimEnd();
    if (body.startsWith("@param")) {
      const m = PARAM_LINE.exec(body);
      if (!m) throw new Error(`${where}:${i + 1}: expected "// @param name = default"`);
      if (params.some((p) => p.name === m[1])) throw new Error(`${where}:${i + 1}: parameter ${m[1]} declared twice`);
      let value: unknown;
      try {
        value = parseParamValue(m[2]!, m[1]);
      } catch (e) {
        throw new Error(`${where}:${i + 1}: ${(e as Error).message}`, { cause: e });
      }
      params.push({ name: m[1]!, default: value });
    } else prose.push(body);
  }
  while (prose.length > 0 && prose[prose.length - 1] === "") prose.pop();
  const [title, ...rest] = prose;
  return {
    title: title?.trim() || null,
    description: rest.join("\n").trim(),
    params,
    cypher: text,
  };
}

/** Defaults of the header overridden by given values; a name the header lacks is an error there. */
export function resolveParams(
  file: QueryFile,
  given: Record<string, unknown>,
  where = "query",
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const p of file.params) out[p.name] = p.default;
  const declared = new Set(file.params.map((p) => p.name));
  for (const [name, value] of Object.entries(given)) {
    if (file.params.length > 0 && !declared.has(name)) {
      throw new Error(`${where}: no parameter ${name} (it declares ${[...declared].join(", ")})`);
    }
    out[name] = value;
  }
  return out;
}
