import type { Driver } from "neo4j-driver";

/** Shared by the benchmark scripts: argument reading, counts, and a plain text table. */

/** `--name value` from the command line, or the default. */
export function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] !== undefined ? process.argv[i + 1]! : fallback;
}

export interface GraphCounts {
  nodes: number;
  relationships: number;
  claims: number;
  entities: number;
  articles: number;
  links: number;
}

/** Counts from Neo4j's count store (constant time, exact). */
export async function graphCounts(driver: Driver, database: string): Promise<GraphCounts> {
  const r = await driver.executeQuery(
    `CALL () { MATCH (n) RETURN count(n) AS nodes }
     CALL () { MATCH ()-[r]->() RETURN count(r) AS relationships }
     CALL () { MATCH (c:Claim) RETURN count(c) AS claims }
     CALL () { MATCH (e:Entity) RETURN count(e) AS entities }
     CALL () { MATCH (a:Article) RETURN count(a) AS articles }
     CALL () { MATCH (:Entity)-[l]->(:Entity) RETURN count(l) AS links }
     RETURN nodes, relationships, claims, entities, articles, links`,
    {},
    { database },
  );
  return r.records[0]!.toObject() as unknown as GraphCounts;
}

export function printTable(header: string[], rows: Array<Array<string | number>>): void {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) =>
    "| " + r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ") + " |";
  console.log(line(header));
  console.log("|" + widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : "-".repeat(w + 1) + ":")).join("|") + "|");
  for (const r of cells.slice(1)) console.log(line(r));
}
