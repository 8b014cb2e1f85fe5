/**
 * `npm run eval [-- --verbose] [-- --only seeds|dev] [-- --min-f1 X]`: ingests the sample
 * articles and the dev articles into temporary stores with the real CLI and prints the scorer's
 * tables for each. Uses the scorer copy in test/fixtures when present, else the shared one.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const KG = path.join(ROOT, "bin", "kg.js");

const SETS = [
  { name: "seeds", articles: "examples/articles", gold: "test/fixtures/gold/seeds.jsonl" },
  { name: "dev", articles: "test/fixtures/dev-articles", gold: "test/fixtures/gold/dev.jsonl" },
] as const;

function scorerPath(): string {
  const local = path.join(ROOT, "test", "fixtures", "score.mjs");
  if (existsSync(local)) return local;
  const shared = path.resolve(ROOT, "..", "shared", "eval", "score.mjs");
  if (existsSync(shared)) return shared;
  throw new Error("no scorer: expected test/fixtures/score.mjs or ../shared/eval/score.mjs");
}

function parseArgs(argv: string[]) {
  const out: { verbose: boolean; json: boolean; only: string | null; minF1: string | null } = {
    verbose: false,
    json: false,
    only: null,
    minF1: null,
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === "--verbose") out.verbose = true;
    else if (a === "--json") out.json = true;
    else if (a === "--only") out.only = argv[++i] ?? null;
    else if (a === "--min-f1") out.minF1 = argv[++i] ?? null;
    else {
      console.error(`eval: unknown argument ${a} (expected --verbose, --json, --only seeds|dev, --min-f1 X)`);
      process.exit(2);
    }
  }
  return out;
}

function main(): number {
  const args = parseArgs(process.argv.slice(2));
  const scorer = scorerPath();
  const tmp = mkdtempSync(path.join(os.tmpdir(), "kg-eval-"));
  let status = 0;
  try {
    for (const set of SETS) {
      if (args.only && args.only !== set.name) continue;
      const data = path.join(tmp, set.name, "data");
      const out = path.join(tmp, set.name, "out");
      console.log(`\n== ${set.name}: ${set.articles} ==`);
      const ingest = spawnSync(
        process.execPath,
        [KG, "ingest", path.join(ROOT, set.articles), "--data", data, "--out", out],
        { cwd: ROOT, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
      );
      process.stdout.write(ingest.stdout ?? "");
      if (ingest.status !== 0) {
        console.error(`eval: kg ingest exited with ${ingest.status ?? ingest.signal}`);
        status = 1;
        if (!existsSync(path.join(out, "claims.jsonl"))) continue;
      }
      const scoreArgs = [
        scorer,
        "--gold",
        path.join(ROOT, set.gold),
        "--pred",
        path.join(out, "claims.jsonl"),
        "--articles",
        path.join(ROOT, set.articles),
        ...(args.verbose ? ["--verbose"] : []),
        ...(args.json ? ["--json"] : []),
        ...(args.minF1 !== null ? ["--min-f1", args.minF1] : []),
      ];
      const score = spawnSync(process.execPath, scoreArgs, { cwd: ROOT, stdio: "inherit" });
      if (score.status !== 0) status = 1;
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
  return status;
}

process.exitCode = main();
