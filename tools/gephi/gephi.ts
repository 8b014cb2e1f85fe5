/**
 * Gephi's own reading of graph files, for the interop tests: resolves Gephi Toolkit (one
 * self-contained jar from Maven Central, cached in the local Maven repository, never in the
 * project) and runs GephiRead.java with it.
 *
 *   tsx tools/gephi/gephi.ts resolve
 *   tsx tools/gephi/gephi.ts read FILE...
 *
 * KG_GEPHI_TOOLKIT_JAR names a jar to use instead (e.g. with a Maven repository elsewhere than
 * ~/.m2/repository).
 */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const toolDir = path.dirname(fileURLToPath(import.meta.url));

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

function defaultJar(): string {
  const { group, artifact, version, classifier } = GEPHI_TOOLKIT;
  return path.join(
    os.homedir(),
    ".m2",
    "repository",
    ...group.split("."),
    artifact,
    version,
    `${artifact}-${version}-${classifier}.jar`,
  );
}

/** The toolkit jar's path; downloads it (about 80 MB, first run only) when it is not there yet. */
export function resolveGephiToolkit(env: NodeJS.ProcessEnv = process.env): string {
  const jar = env.KG_GEPHI_TOOLKIT_JAR || defaultJar();
  if (existsSync(jar)) return jar;
  if (env.KG_GEPHI_TOOLKIT_JAR) throw new Error(`KG_GEPHI_TOOLKIT_JAR=${jar}: no such file`);
  const { group, artifact, version, classifier } = GEPHI_TOOLKIT;
  console.error(`gephi: resolving ${group}:${artifact}:${version}:${classifier} from Maven Central (first run only)…`);
  // the "all" jar bundles every dependency: nothing transitive to fetch
  const mvn = spawnSync(
    "mvn",
    [
      "-q",
      "-B",
      "dependency:get",
      `-Dartifact=${group}:${artifact}:${version}:jar:${classifier}`,
      "-Dtransitive=false",
    ],
    { stdio: "inherit" },
  );
  if (mvn.status !== 0)
    throw new Error(`mvn failed (exit ${mvn.status}); is Maven installed and Maven Central reachable?`);
  if (!existsSync(jar))
    throw new Error(`Maven resolved the toolkit, but not into ${jar}; set KG_GEPHI_TOOLKIT_JAR to the jar`);
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
