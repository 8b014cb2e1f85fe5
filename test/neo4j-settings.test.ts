import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The Neo4j of docker compose must hold the read-only path to the same limits as the local
// launcher's: every security setting of tools/neo4j/Launcher.java is in docker-compose.yml with
// the same value (Docker's names: dots become _, underscores become __).
const root = path.resolve(import.meta.dirname, "..");
const launcher = readFileSync(path.join(root, "tools/neo4j/Launcher.java"), "utf8");
const compose = readFileSync(path.join(root, "docker-compose.yml"), "utf8");

const dockerName = (key: string) => `NEO4J_${key.replace(/_/g, "__").replace(/\./g, "_")}`;

function launcherSettings(): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of launcher.matchAll(/config\.put\("([\w.]+)", "([^"]*)"\)/g)) out.set(m[1]!, m[2]!);
  const safe = /SAFE_PROCEDURES = \{([^}]*)\}/.exec(launcher)![1]!;
  out.set("dbms.security.procedures.allowlist", [...safe.matchAll(/"([^"]+)"/g)].map((m) => m[1]).join(","));
  for (const m of launcher.matchAll(/\+ "(apoc\.[\w.]+)=(\w+)\\n"/g)) out.set(m[1]!, m[2]!);
  return out;
}

function composeValue(name: string): string | undefined {
  const m = new RegExp(`^\\s+${name}: "?([^"\\n]*)"?$`, "m").exec(compose);
  return m?.[1];
}

describe("docker-compose.yml", () => {
  it("gives Neo4j the launcher's limits on files, URLs, procedures, silent requests and memory", () => {
    const settings = launcherSettings();
    const security = [
      "dbms.security.allow_csv_import_from_file_urls",
      "internal.dbms.cypher_ip_blocklist",
      "dbms.security.procedures.allowlist",
      "server.bolt.connection_keep_alive_for_requests",
      "server.bolt.connection_keep_alive",
      "server.bolt.connection_keep_alive_probes",
      "db.memory.transaction.max",
      "apoc.import.file.enabled",
      "apoc.import.file.use_neo4j_config",
      "apoc.export.file.enabled",
    ];
    for (const key of security) {
      expect(settings.get(key), `Launcher.java sets ${key}`).toBeDefined();
      expect(composeValue(dockerName(key)), `${dockerName(key)} in docker-compose.yml`).toBe(settings.get(key));
    }
  });
});
