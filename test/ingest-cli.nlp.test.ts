import { spawnSync } from "node:child_process";
import { promises as fs, readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ArticleSchema } from "../src/model/article.js";
import { ClaimSchema, type Claim } from "../src/model/claim.js";
import { parseJsonl } from "../src/model/validate.js";
import { STORE_FILES } from "../src/store/store.js";

/** End to end: the real CLI on real files in temporary folders, parsing with the test run's CoreNLP. */

const ROOT = path.resolve(import.meta.dirname, "..");
const SEEDS = path.join(ROOT, "examples", "articles");
const DEV = path.join(ROOT, "test", "fixtures", "dev-articles");
const INPUT = path.join(ROOT, "test", "fixtures", "input");

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

let parseCache = "";

function kg(args: string[], input?: string, env: NodeJS.ProcessEnv = {}): Run {
  const r = spawnSync(process.execPath, [path.join(ROOT, "bin", "kg.js"), ...args], {
    cwd: ROOT,
    input,
    encoding: "utf8",
    maxBuffer: 64 << 20,
    env: { ...process.env, FORCE_COLOR: "0", KG_NLP_URL: inject("nlpUrl"), KG_PARSE_CACHE: parseCache, ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of Object.values(STORE_FILES)) out[name] = await fs.readFile(path.join(dir, name), "utf8");
  return out;
}

function claimsOf(file: string): Claim[] {
  return [...parseJsonl(ClaimSchema, readFileSync(file, "utf8"), file)];
}

let tmp: string;
beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kg-ingest-cli-"));
  parseCache = path.join(tmp, "parse-cache");
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("kg ingest", () => {
  it("ingests the sample and dev articles, prints a summary and writes valid claims", async () => {
    const data = path.join(tmp, "store");
    const r = kg(["ingest", SEEDS, DEV, "--data", data]);
    expect(r.stderr).not.toMatch(/error/);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/ingested 12 articles in \d+\.\d s \(0 failed, 0 skipped/);
    expect(r.stdout).toMatch(/sentences [1-9]\d*, entities [1-9]\d* \([1-9]\d* new\), claims [1-9]\d*/);
    expect(r.stdout).toMatch(/^ {4}SUPPLIES +[1-9]\d*$/m);

    const claims = claimsOf(path.join(data, STORE_FILES.claims));
    expect(claims.length).toBeGreaterThan(10);
    const files = new Map<string, string>();
    for (const dir of [SEEDS, DEV]) {
      for (const f of await fs.readdir(dir))
        files.set(f.replace(/\.txt$/, ""), readFileSync(path.join(dir, f), "utf8"));
    }
    // the scorer's check: the quote is the file's text at the claim's offsets
    for (const c of claims) {
      expect(files.get(c.doc)?.slice(c.evidence.start, c.evidence.end), c.id).toBe(c.evidence.quote);
    }
    const articles = [
      ...parseJsonl(ArticleSchema, readFileSync(path.join(data, STORE_FILES.articles), "utf8"), "articles"),
    ];
    expect(articles.map((a) => a.id)).toEqual([...files.keys()].sort());
    const d04 = articles.find((a) => a.id === "d04_nhk_nitrocellulose")!;
    expect(d04).toMatchObject({ publisher: "NHK World-Japan", date: "2024-05-16" });

    const summary = r.stdout.match(/claims (\d+)\n/);
    expect(Number(summary?.[1])).toBe(claims.length);
  });

  it("changes nothing when re-run on the same articles, and is deterministic", async () => {
    const a = path.join(tmp, "rerun-a");
    const b = path.join(tmp, "rerun-b");
    expect(kg(["ingest", SEEDS, "--data", a]).status).toBe(0);
    const first = await snapshot(a);
    const again = kg(["ingest", SEEDS, "--data", a]);
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/0 added, 0 replaced, 4 unchanged/);
    expect(await snapshot(a)).toEqual(first);
    expect(again.stdout).toMatch(/4 already in the store unchanged/);
    expect(kg(["ingest", SEEDS, "--data", b]).status).toBe(0);
    expect(await snapshot(b)).toEqual(first);
    // one parse at a time or several, parsed again or from the parse cache: the same store
    const c = path.join(tmp, "rerun-c");
    const one = kg(["ingest", SEEDS, "--data", c, "--threads", "1"], undefined, { KG_PARSE_CACHE: "off" });
    expect(one.status).toBe(0);
    expect(one.stdout).toMatch(/\(0 articles from the parse cache\)/);
    expect(await snapshot(c)).toEqual(first);
    const d = path.join(tmp, "rerun-d");
    const cached = kg(["ingest", SEEDS, "--data", d, "--threads", "2"]);
    expect(cached.stdout).toMatch(/\(4 articles from the parse cache\)/);
    expect(await snapshot(d)).toEqual(first);
  });

  it("extracts again an article whose text changed, and keeps the others", async () => {
    const data = path.join(tmp, "changed");
    const dir = path.join(tmp, "changed-in");
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, "a.txt"), "Iran supplied drones to Russia in 2022.\n");
    await fs.writeFile(path.join(dir, "b.txt"), "North Korea supplied artillery shells to Russia in 2023.\n");
    expect(kg(["ingest", dir, "--data", data]).status).toBe(0);
    const before = claimsOf(path.join(data, STORE_FILES.claims));
    await fs.writeFile(path.join(dir, "b.txt"), "Belarus supplied fuel to Russia in 2024.\n");
    const r = kg(["ingest", dir, "--data", data]);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/0 added, 1 replaced, 1 unchanged/);
    const after = claimsOf(path.join(data, STORE_FILES.claims));
    expect(after.filter((c) => c.doc === "a")).toEqual(before.filter((c) => c.doc === "a"));
    const quotes = after.filter((c) => c.doc === "b").map((c) => c.evidence.quote);
    expect(quotes.length).toBeGreaterThan(0);
    for (const q of quotes) expect(q).not.toMatch(/North Korea/);
  });

  it("writes only this run's claims to --out, and adds to the store without losing earlier articles", async () => {
    const data = path.join(tmp, "out-store");
    const out = path.join(tmp, "out-dir");
    expect(kg(["ingest", SEEDS, "--data", data]).status).toBe(0);
    const seedClaims = claimsOf(path.join(data, STORE_FILES.claims));
    const r = kg(["ingest", DEV, "--data", data, "--out", out]);
    expect(r.status).toBe(0);
    const runClaims = claimsOf(path.join(out, STORE_FILES.claims));
    expect(runClaims.length).toBeGreaterThan(0);
    expect(new Set(runClaims.map((c) => c.doc.slice(0, 1)))).toEqual(new Set(["d"]));
    const stored = claimsOf(path.join(data, STORE_FILES.claims));
    expect(stored.length).toBe(seedClaims.length + runClaims.length);
    expect(await fs.readdir(out)).toEqual([STORE_FILES.claims]);
  });

  it("reports each bad input by name, ingests the rest, keeps the store, and exits 1", async () => {
    const data = path.join(tmp, "bad-store");
    expect(kg(["ingest", path.join(SEEDS, "003_0a244f4867f7f563.txt"), "--data", data]).status).toBe(0);
    const before = await snapshot(data);

    const dir = path.join(tmp, "bad-inputs");
    await fs.mkdir(path.join(dir, "folder.txt"), { recursive: true });
    await fs.writeFile(path.join(dir, "empty.txt"), "");
    await fs.writeFile(path.join(dir, "binary.txt"), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0]));
    await fs.writeFile(
      path.join(dir, "latin1.txt"),
      Buffer.from("Exportations fran\xe7aises vers la Russie", "latin1"),
    );
    await fs.writeFile(path.join(dir, "notes.pdf"), "%PDF-1.4");
    await fs.symlink(path.join(dir, "gone.txt"), path.join(dir, "dangling.txt"));
    const big = await fs.open(path.join(dir, "huge.txt"), "w");
    const chunk = Buffer.from("Iran supplied drones to Russia in 2022 according to officials. ".repeat(16_384));
    for (let written = 0; written < 50 * 1024 * 1024; written += chunk.length) await big.write(chunk);
    await big.truncate(50 * 1024 * 1024);
    await big.close();
    const scripts = Array.from({ length: 5000 }, (_, i) => `<script>var a${i} = "<p>noise ${i}</p>";</script>`).join(
      "",
    );
    await fs.writeFile(
      path.join(dir, "scripted.html"),
      `<html><head>${scripts}</head><body>${scripts}<article><h1>Shells by rail</h1><p>North Korea supplied artillery shells to Russia in 2023, according to South Korean intelligence officials.</p></article>${scripts}</body></html>`,
    );
    await fs.writeFile(path.join(dir, "good.txt"), "Title: Good\n\nChina supplied drones to Russia in 2023.\n");
    const explicitUnknown = path.join(tmp, "report.docx");
    await fs.writeFile(explicitUnknown, "PK");

    const r = kg(["ingest", dir, explicitUnknown, "--data", data]);
    expect(r.status).toBe(1);
    const errorLine = (file: string) => r.stderr.split("\n").find((l) => l.startsWith(`kg: error: ${file}: `));
    expect(errorLine(path.join(dir, "empty.txt"))).toMatch(/empty file/);
    expect(errorLine(path.join(dir, "binary.txt"))).toMatch(/binary/);
    expect(errorLine(path.join(dir, "latin1.txt"))).toMatch(/not valid UTF-8/);
    expect(errorLine(path.join(dir, "dangling.txt"))).toMatch(/no such file/);
    expect(errorLine(path.join(dir, "huge.txt"))).toMatch(/50\.0 MB, over the --max-bytes limit of 20\.0 MB/);
    expect(errorLine(explicitUnknown)).toMatch(/unsupported file type "\.docx"/);
    expect(r.stderr).toMatch(new RegExp(`kg: warning: ${path.join(dir, "notes.pdf")}: unsupported file type.*skipped`));
    expect(r.stdout).toMatch(/ingested 2 articles .*\(6 failed, 1 skipped/);

    const articles = [
      ...parseJsonl(ArticleSchema, readFileSync(path.join(data, STORE_FILES.articles), "utf8"), "articles"),
    ];
    expect(articles.map((a) => a.id)).toEqual(["003_0a244f4867f7f563", "good", "scripted"]);
    const scripted = articles.find((a) => a.id === "scripted")!;
    expect(scripted.text).toBe(
      "Shells by rail\n\nNorth Korea supplied artillery shells to Russia in 2023, according to South Korean intelligence officials.",
    );
    // the earlier article and its claims are still there
    const earlier = before[STORE_FILES.claims]!.split("\n").filter(Boolean);
    const now = readFileSync(path.join(data, STORE_FILES.claims), "utf8").split("\n");
    for (const line of earlier) expect(now).toContain(line);
  });

  it("leaves the store untouched when every input fails", async () => {
    const data = path.join(tmp, "intact-store");
    expect(kg(["ingest", SEEDS, "--data", data]).status).toBe(0);
    const before = await snapshot(data);
    const empty = path.join(tmp, "only-empty.txt");
    await fs.writeFile(empty, "");
    const r = kg(["ingest", empty, path.join(tmp, "does-not-exist.html"), "--data", data]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/nothing ingested; the store was not changed/);
    expect(await snapshot(data)).toEqual(before);
  });

  it("refuses to touch a store it cannot read", async () => {
    const data = path.join(tmp, "corrupt-store");
    expect(kg(["ingest", path.join(SEEDS, "003_0a244f4867f7f563.txt"), "--data", data]).status).toBe(0);
    await fs.appendFile(path.join(data, STORE_FILES.claims), "{not json\n");
    const before = await snapshot(data);
    const r = kg(["ingest", DEV, "--data", data]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/claims\.jsonl:\d+/);
    expect(await snapshot(data)).toEqual(before);
  });

  it("applies --max-bytes, and a time limit per article, to a 10 MB line without a newline", async () => {
    const data = path.join(tmp, "long-line");
    const file = path.join(tmp, "long-line.txt");
    const sentence = "Belarus supplied fuel to Russia. ";
    await fs.writeFile(file, sentence.repeat(Math.ceil(10_000_000 / sentence.length)).slice(0, 10_000_000));
    const good = path.join(SEEDS, "003_0a244f4867f7f563.txt");
    const refused = kg(["ingest", file, good, "--data", data, "--max-bytes", "1MB"]);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(/long-line\.txt: file is 9\.5 MB, over the --max-bytes limit of 1\.0 MB/);
    expect(refused.stdout).toMatch(/ingested 1 article /);
    // read, but its parse cannot finish in a second: it is named and skipped, the batch goes on
    const slow = kg(["ingest", file, good, "--data", data, "--timeout", "1", "--threads", "1"]);
    expect(slow.status).toBe(1);
    expect(slow.stderr).toMatch(/long-line\.txt: parsing took longer than 1 s; skipped/);
    expect(slow.stdout).toMatch(/ingested 1 article .*\(1 failed/);
  });

  it("says how to start CoreNLP when none answers, and leaves the store as it was", async () => {
    const data = path.join(tmp, "no-nlp");
    expect(kg(["ingest", path.join(SEEDS, "003_0a244f4867f7f563.txt"), "--data", data]).status).toBe(0);
    const before = await snapshot(data);
    const dir = path.join(tmp, "no-nlp-in");
    await fs.mkdir(dir, { recursive: true });
    await fs.writeFile(path.join(dir, "new.txt"), "Chile sold copper wire to Peru in 2021.\n");
    const r = kg(["ingest", dir, "--data", data], undefined, {
      KG_NLP_URL: "http://127.0.0.1:9",
      KG_PARSE_CACHE: "off",
    });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/CoreNLP .*127\.0\.0\.1:9.*npm run nlp:start/);
    expect(r.stderr).toMatch(/nothing was ingested, the store was not changed/);
    expect(await snapshot(data)).toEqual(before);
  });

  it("stores article text that looks like Cypher or HTML as plain data", async () => {
    const data = path.join(tmp, "hostile");
    const text =
      "Title: '}) DETACH DELETE n //\n\n'}) DETACH DELETE n // <script>alert('x')</script> China supplied drones to Russia. MATCH (n) RETURN n;\n";
    const file = path.join(tmp, "hostile.txt");
    await fs.writeFile(file, text);
    expect(kg(["ingest", file, "--data", data]).status).toBe(0);
    const [stored] = [
      ...parseJsonl(ArticleSchema, readFileSync(path.join(data, STORE_FILES.articles), "utf8"), "articles"),
    ];
    expect(stored).toMatchObject({ id: "hostile", title: "'}) DETACH DELETE n //", text });
  });

  it("reads JSONL, naming file and line of the bad records", async () => {
    const data = path.join(tmp, "jsonl");
    const file = path.join(INPUT, "articles.jsonl");
    const r = kg(["ingest", file, "--data", data]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`kg: error: ${file}:5: text: `);
    expect(r.stderr).toContain(`kg: error: ${file}:8: invalid JSON`);
    expect(r.stderr).toMatch(new RegExp(`kg: warning: ${file}:4: date: .*sometime last spring`));
    const ids = [...parseJsonl(ArticleSchema, readFileSync(path.join(data, STORE_FILES.articles), "utf8"), "a")].map(
      (a) => a.id,
    );
    expect(ids).toEqual(["j1", "j10", "j2", "j3"]);
  });

  it("reads an article from stdin", async () => {
    const data = path.join(tmp, "stdin");
    const r = kg(["ingest", "-", "--data", data], "Title: Piped\n\nIran supplied drones to Russia in 2022.\n");
    expect(r.status).toBe(0);
    const [stored] = [...parseJsonl(ArticleSchema, readFileSync(path.join(data, STORE_FILES.articles), "utf8"), "a")];
    expect(stored).toMatchObject({ id: "stdin", title: "Piped", sourcePath: "-" });
  });

  it("exits 2 on usage errors without touching the store", async () => {
    const data = path.join(tmp, "usage");
    expect(kg(["ingest", "--data", data]).status).toBe(2);
    const bad = kg(["ingest", SEEDS, "--data", data, "--max-bytes", "lots"]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--max-bytes: expected a size/);
    expect(kg(["ingest", SEEDS, "--data", data, "--stdin-format", "pdf"]).status).toBe(2);
    await expect(fs.access(data)).rejects.toThrow();
  });

  it("fails a second article with the same id in one run", async () => {
    const data = path.join(tmp, "dupes");
    const dir = path.join(tmp, "dupes-in");
    await fs.mkdir(path.join(dir, "a"), { recursive: true });
    await fs.mkdir(path.join(dir, "b"), { recursive: true });
    await fs.writeFile(path.join(dir, "a", "same.txt"), "China supplied drones to Russia.");
    await fs.writeFile(path.join(dir, "b", "same.txt"), "Iran supplied drones to Russia.");
    const r = kg(["ingest", dir, "--data", data]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${path.join(dir, "b", "same.txt")}: article id "same" was already read from`);
  });
});

describe("kg stats", () => {
  it("reports the store's counts from store.json, and reads an older store whole", async () => {
    const data = path.join(tmp, "stats");
    expect(kg(["ingest", SEEDS, "--data", data]).status).toBe(0);
    const claims = claimsOf(path.join(data, STORE_FILES.claims));
    const perPredicate: Record<string, number> = {};
    for (const c of claims) perPredicate[c.predicate] = (perPredicate[c.predicate] ?? 0) + 1;
    // the links counted here from the claims, by docs/model.md's definitions: one relation link per
    // subject, relation and object; one supply flow per supplier and a recipient other than itself;
    // one route leg per step of supplier → intermediaries → recipient
    const edges = new Map<string, [string, string, string]>();
    for (const c of claims) {
      edges.set(`${c.subjectId}|${c.predicate}|${c.objectId}`, [c.predicate, c.subjectId, c.objectId]);
      if (c.predicate !== "SUPPLIES") continue;
      if (c.recipientId && c.recipientId !== c.subjectId)
        edges.set(`${c.subjectId}|SUPPLIES_TO|${c.recipientId}`, ["SUPPLIES_TO", c.subjectId, c.recipientId]);
      const stops = [c.subjectId, ...(c.viaIds ?? []), ...(c.recipientId ? [c.recipientId] : [])];
      if ((c.viaIds ?? []).length > 0)
        for (let i = 0; i + 1 < stops.length; i++)
          if (stops[i] !== stops[i + 1])
            edges.set(`${stops[i]}|ROUTES_TO|${stops[i + 1]}`, ["ROUTES_TO", stops[i]!, stops[i + 1]!]);
    }
    const linksPerPredicate: Record<string, number> = {};
    for (const [p] of edges.values()) linksPerPredicate[p] = (linksPerPredicate[p] ?? 0) + 1;
    const flows = linksPerPredicate.SUPPLIES_TO ?? 0;
    const routeLegs = linksPerPredicate.ROUTES_TO ?? 0;
    const expected = {
      articles: 4,
      entities: readFileSync(path.join(data, STORE_FILES.entities), "utf8").trim().split("\n").length,
      linkedEntities: new Set([...edges.values()].flatMap(([, a, b]) => [a, b])).size,
      claims: claims.length,
      links: edges.size,
      relationLinks: edges.size - flows - routeLegs,
      flows,
      routeLegs,
      perPredicate,
      linksPerPredicate,
    };

    const fromManifest = kg(["stats", "--data", data, "--json"]);
    expect(fromManifest.status).toBe(0);
    expect(JSON.parse(fromManifest.stdout)).toEqual(expected);
    // the counts come from store.json, but only for the files it names: without claims.jsonl
    // the store is not what store.json says, and kg stats says so
    const claimsFile = path.join(data, STORE_FILES.claims);
    await fs.rename(claimsFile, `${claimsFile}.away`);
    const missing = kg(["stats", "--data", data, "--json"]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/claims\.jsonl: missing, though store\.json lists it/);
    await fs.rename(`${claimsFile}.away`, claimsFile);

    // a store.json from before per-predicate counts: the store is read whole, same answer
    const manifestFile = path.join(data, STORE_FILES.manifest);
    const manifest = JSON.parse(readFileSync(manifestFile, "utf8")) as Record<string, unknown>;
    delete manifest.claimsPerPredicate;
    await fs.writeFile(manifestFile, JSON.stringify(manifest));
    const older = kg(["stats", "--data", data]);
    expect(older.status).toBe(0);
    expect(older.stdout).toContain(
      `articles 4, entities ${expected.entities} (${expected.linkedEntities} on links), claims ${claims.length}, ` +
        `links ${expected.links} (${expected.relationLinks} relation links, ${flows} supply flows, ${routeLegs} route legs)`,
    );
    expect(older.stdout).toMatch(
      new RegExp(`^ {2}SUPPLIES +${perPredicate.SUPPLIES} +${linksPerPredicate.SUPPLIES}$`, "m"),
    );

    await fs.writeFile(manifestFile, JSON.stringify({ ...manifest, claims: -1 }));
    const broken = kg(["stats", "--data", data]);
    expect(broken.status).not.toBe(0);
    expect(broken.stderr).toContain(`${manifestFile}: claims:`);
  });
});
