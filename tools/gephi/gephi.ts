/**
 * Gephi's own reading of graph files, for the interop tests: resolves Gephi Toolkit (one
 * self-contained jar from Maven Central, cached in ~/.m2 by Maven and copied into the
 * git-ignored .kg-gephi/, as the Neo4j launcher does with its jars) and runs GephiRead.java
 * with it.
 *
 *   tsx tools/gephi/gephi.ts resolve
 *   tsx tools/gephi/gephi.ts read FILE...
 *
 * KG_GEPHI_HOME (default .kg-gephi in the project) is where the jar is kept.
 */
import { spawnSync } from "node:child_process";
import { existsSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const toolDir = path.dirname(fileURLToPath(import.meta.url));
const projectDir = path.resolve(toolDir, "../..");

export const GEPHI_TOOLKIT = { group: "org.gephi", artifact: "gephi-toolkit", version: "0.10.1", classifier: "all" };

export interface GephiColumn {
  id: string;
  title: string;
  /** Java class of the values: String, Integer, Double, Boolean... */
  type: string;
  /** elements holding a value in this column */
  values: number;
}

export interface GephiReading {
  file: string;
  nodes: number;
  edges: number;
  nodeColumns: GephiColumn[];
  edgeColumns: GephiColumn[];
  /** nodes and edges with a non-empty label (Gephi's label is a property, not a column) */
  nodeLabels: number;
  edgeLabels: number;
  /** edges per edge type ("" = no type) */
  edgeTypes: Record<string, number>;
  issues: Array<{ level: string; message: string }>;
}

/** The toolkit jar's path; fetches it (about 80 MB, first run only) when it is not there yet. */
export function resolveGephiToolkit(env: NodeJS.ProcessEnv = process.env): string {
  const { group, artifact, version, classifier } = GEPHI_TOOLKIT;
  const home = path.resolve(env.KG_GEPHI_HOME || path.join(projectDir, ".kg-gephi"));
  const name = `${artifact}-${version}-${classifier}.jar`;
  const jar = path.join(home, name);
  if (existsSync(jar)) return jar;
  console.error(`gephi: resolving ${group}:${artifact}:${version}:${classifier} from Maven Central (first run only)…`);
  // copied into a temporary folder and renamed, so that an interrupted copy is never taken for the jar
  const tmp = `${home}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  // the "all" jar bundles every dependency: nothing transitive to fetch
  const mvn = spawnSync(
    "mvn",
    [
      "-q",
      "-B",
      "dependency:copy",
      `-Dartifact=${group}:${artifact}:${version}:jar:${classifier}`,
      `-DoutputDirectory=${tmp}`,
    ],
    { stdio: "inherit" },
  );
  if (mvn.status !== 0 || !existsSync(path.join(tmp, name)))
    throw new Error(`mvn failed (exit ${mvn.status}); is Maven installed and Maven Central reachable?`);
  rmSync(home, { recursive: true, force: true });
  renameSync(tmp, home);
  return jar;
}

/** Opens each file as Gephi's "Open…" does (default import settings, a new project each). */
export function gephiRead(files: readonly string[], jar = resolveGephiToolkit()): GephiReading[] {
  const r = spawnSync(
    "java",
    ["-Djava.awt.headless=true", "-cp", jar, path.join(toolDir, "GephiRead.java"), ...files],
    { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 },
  );
  if (r.status !== 0) {
    const log = (r.stderr ?? "").split("\n").slice(-20).join("\n");
    throw new Error(`GephiRead failed (exit ${r.status ?? r.signal}):\n${r.error?.message ?? log}`);
  }
  return r.stdout
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as GephiReading);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, ...files] = process.argv.slice(2);
  try {
    if (command === "resolve") console.log(resolveGephiToolkit());
    else if (command === "read" && files.length > 0) {
      for (const reading of gephiRead(files)) console.log(JSON.stringify(reading));
    } else {
      console.error("usage: tsx tools/gephi/gephi.ts resolve | read FILE...");
      process.exitCode = 2;
    }
  } catch (e) {
    console.error(`gephi: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
