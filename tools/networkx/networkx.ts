/**
 * NetworkX's reading of graph files, for the interop tests: a project-local Python environment
 * (.kg-python/, git-ignored) with the NetworkX of requirements.txt from PyPI, and nx_read.py run
 * in it.
 *
 *   tsx tools/networkx/networkx.ts resolve
 *   tsx tools/networkx/networkx.ts read FILE...
 *
 * KG_PYTHON (default python3) is the interpreter the environment is made from; KG_PYTHON_HOME
 * (default .kg-python in the project) is where it lives.
 */
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const toolDir = path.dirname(fileURLToPath(import.meta.url));
const projectDir = path.resolve(toolDir, "../..");

export interface NxAttribute {
  name: string;
  /** elements holding the attribute */
  values: number;
  /** Python types of its values (int, float, bool, str) */
  types: string[];
}

export interface NxReading {
  file: string;
  /** MultiDiGraph when the file has parallel edges */
  graph: string;
  nodes: number;
  edges: number;
  nodeAttributes: NxAttribute[];
  edgeAttributes: NxAttribute[];
}

function run(cmd: string, args: string[]): void {
  const r = spawnSync(cmd, args, { stdio: "inherit" });
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (exit ${r.status ?? r.error?.message})`);
}

/**
 * The environment's interpreter, made (first run only) or remade when requirements.txt changed:
 * a marker holds the requirements' hash, written once the install is whole.
 */
export function resolveNetworkx(env: NodeJS.ProcessEnv = process.env): string {
  const home = path.resolve(env.KG_PYTHON_HOME || path.join(projectDir, ".kg-python"));
  const python = path.join(home, "bin", "python");
  const marker = path.join(home, ".complete");
  const requirements = path.join(toolDir, "requirements.txt");
  const hash = createHash("sha256").update(readFileSync(requirements)).digest("hex");
  if (existsSync(marker) && readFileSync(marker, "utf8").trim() === hash) return python;
  console.error(`networkx: making ${home} with ${readFileSync(requirements, "utf8").trim()} from PyPI…`);
  rmSync(home, { recursive: true, force: true });
  run(env.KG_PYTHON || "python3", ["-m", "venv", home]);
  run(python, ["-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", requirements]);
  writeFileSync(marker, `${hash}\n`);
  return python;
}

export function networkxRead(files: readonly string[], python = resolveNetworkx()): NxReading[] {
  const r = spawnSync(python, [path.join(toolDir, "nx_read.py"), ...files], {
    encoding: "utf8",
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`nx_read.py failed (exit ${r.status ?? r.signal}):\n${r.stderr}`);
  return r.stdout
    .split("\n")
    .filter((l) => l.trim() !== "")
    .map((l) => JSON.parse(l) as NxReading);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const [command, ...files] = process.argv.slice(2);
  try {
    if (command === "resolve") console.log(resolveNetworkx());
    else if (command === "read" && files.length > 0) {
      for (const reading of networkxRead(files)) console.log(JSON.stringify(reading));
    } else {
      console.error("usage: tsx tools/networkx/networkx.ts resolve | read FILE...");
      process.exitCode = 2;
    }
  } catch (e) {
    console.error(`networkx: ${e instanceof Error ? e.message : String(e)}`);
    process.exitCode = 1;
  }
}
