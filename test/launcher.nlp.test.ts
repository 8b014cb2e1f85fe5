import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ensureCoreNlp, nlpAnswers, PRELOADED_ANNOTATORS } from "../tools/corenlp/corenlp.js";

// The npm scripts a user runs, on ports and homes of their own so that the suite's CoreNLP (and
// anyone's on port 9000) is untouched.
const home = mkdtempSync(path.join(os.tmpdir(), "kg-corenlp-launcher-"));
const port = 9151;
const url = `http://127.0.0.1:${port}`;
const env = { ...process.env, KG_NLP_URL: url, KG_NLP_HOME: home, KG_NLP_THREADS: "1" };

const npm = (script: string, extra: NodeJS.ProcessEnv = {}) =>
  spawnSync("npm", ["run", "--silent", script], { env: { ...env, ...extra }, encoding: "utf8", timeout: 300_000 });

afterAll(() => {
  spawnSync("npm", ["run", "--silent", "nlp:stop"], { env, timeout: 120_000 });
  rmSync(home, { recursive: true, force: true });
});

function javaProcessesFor(dir: string): string[] {
  const out = execFileSync("ps", ["-eo", "pid,args"], { encoding: "utf8" });
  return out.split("\n").filter((l) => l.includes("Launcher.java") && l.includes(dir));
}

async function annotate(base: string, text: string, props: Record<string, string> = {}, query = "") {
  const properties = encodeURIComponent(
    JSON.stringify({ annotators: PRELOADED_ANNOTATORS, outputFormat: "json", ...props }),
  );
  return fetch(`${base}/?properties=${properties}${query}`, { method: "POST", body: text });
}

/** Accepts a TCP connection on host:port? */
function connects(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(3000, () => (socket.destroy(), resolve(false)));
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
  });
}

function nonLoopbackIPv4(): string | undefined {
  return Object.values(os.networkInterfaces())
    .flat()
    .find((a) => a && a.family === "IPv4" && !a.internal)?.address;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Token {
  word: string;
  originalText: string;
  characterOffsetBegin: number;
  characterOffsetEnd: number;
  ner: string;
  normalizedNER?: string;
}
interface Dependency {
  dep: string;
  governorGloss: string;
  dependentGloss: string;
}
interface Parse {
  sentences: { tokens: Token[]; enhancedPlusPlusDependencies: Dependency[] }[];
}

describe("a CoreNLP request (the stock server protocol)", () => {
  const nlpUrl = inject("nlpUrl");

  it("returns tokens with character offsets, NER and enhanced++ dependencies", async () => {
    // an emoji (two UTF-16 units), a curly apostrophe and dashes: offsets are JavaScript string indices
    const text =
      "Drones 🚀 arrived. Iran’s drones — Shaheds — were supplied to Russia last year, officials said on Wednesday.";
    const res = await annotate(nlpUrl, text, {}, "&date=2024-05-01");
    expect(res.status).toBe(200);
    const parse = (await res.json()) as Parse;
    expect(parse.sentences).toHaveLength(2);
    for (const t of parse.sentences.flatMap((s) => s.tokens))
      expect(text.slice(t.characterOffsetBegin, t.characterOffsetEnd)).toBe(t.originalText);
    const sentence = parse.sentences[1]!;
    const russia = sentence.tokens.find((t) => t.word === "Russia")!;
    expect(russia.characterOffsetBegin).toBe(text.indexOf("Russia"));
    expect(russia.ner).toBe("COUNTRY");
    expect(sentence.enhancedPlusPlusDependencies).toContainEqual(
      expect.objectContaining({ dep: "obl:to", governorGloss: "supplied", dependentGloss: "Russia" }),
    );
    // the request's date anchors relative dates
    expect(sentence.tokens.find((t) => t.word === "year")?.normalizedNER).toBe("2023");
  });

  it("honours a request's own timeout", async () => {
    const long = "China supplied drones and shells to Russia through Belarus in 2023. ".repeat(60);
    const res = await annotate(nlpUrl, long, { timeout: "10" });
    expect(res.status).toBe(500);
    expect(await res.text()).toMatch(/timed out/);
  });
});

describe("npm run nlp:start / status / stop", () => {
  it("starts on 127.0.0.1 only, reports, reuses the running server, stops and leaves no process", async () => {
    const started = npm("nlp:start");
    expect(started.status, started.stderr + started.stdout).toBe(0);
    expect(started.stdout).toMatch(new RegExp(`ready on http://127\\.0\\.0\\.1:${port} in [\\d.]+ s \\(pid \\d+`));
    expect(readFileSync(path.join(home, "corenlp.log"), "utf8")).toMatch(
      new RegExp(`kg-corenlp: ready on http://127\\.0\\.0\\.1:${port} in [\\d.]+ s`),
    );
    expect(javaProcessesFor(home)).toHaveLength(1);
    const pid = Number(readFileSync(path.join(home, "corenlp.pid"), "utf8"));

    const status = npm("nlp:status");
    expect(status.status).toBe(0);
    expect(status.stdout).toMatch(new RegExp(`running \\(pid ${pid}\\), answers on ${url}`));

    const again = npm("nlp:start");
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(new RegExp(`already running \\(pid ${pid}\\)`));
    expect(javaProcessesFor(home)).toHaveLength(1);

    // it parses, through the stock handler mounted on the loopback-only server
    const res = await annotate(url, "Belarus supplied shells to Russia.");
    expect(res.status).toBe(200);
    expect(((await res.json()) as Parse).sentences[0]!.tokens.map((t) => t.word)).toEqual([
      "Belarus",
      "supplied",
      "shells",
      "to",
      "Russia",
      ".",
    ]);
    const log = readFileSync(path.join(home, "corenlp.log"), "utf8");
    // KG_NLP_THREADS reached the server's own settings
    expect(log).toMatch(/annotation threads 1, default timeout 120000 ms/);
    // the models were loaded before "ready": the request found them there
    expect(log.slice(log.indexOf("kg-corenlp: ready"))).not.toMatch(/Loading (POS tagger|classifier|depparse model)/);

    // reachable on loopback, not from the network
    expect(await connects("127.0.0.1", port)).toBe(true);
    const external = nonLoopbackIPv4();
    if (external) {
      expect(await connects(external, port), `${external}:${port} must refuse`).toBe(false);
    } else {
      const listening = execFileSync("ss", ["-ltnH", `sport = :${port}`], { encoding: "utf8" }).trim();
      expect(listening.split(/\s+/)[3]).toMatch(new RegExp(`^(127\\.0\\.0\\.1|\\[::ffff:127\\.0\\.0\\.1\\]):${port}$`));
    }

    // KG_NLP_URL naming another port: kg ingest is told at once that nothing answers there (it
    // does not wait on this home's server), nlp:start refuses a second server for the home, and
    // nlp:stop still stops the one that runs
    const elsewhere = "http://127.0.0.1:9154";
    await expect(ensureCoreNlp({ say: () => undefined, env: { ...env, KG_NLP_URL: elsewhere } })).rejects.toThrow(
      /no CoreNLP server answers on http:\/\/127\.0\.0\.1:9154 \(KG_NLP_URL\)/,
    );
    const second = npm("nlp:start", { KG_NLP_URL: elsewhere });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain(`(pid ${pid}) serves port ${port}, not 9154; use KG_NLP_URL=${url}`);
    expect(javaProcessesFor(home)).toHaveLength(1);

    const stopped = npm("nlp:stop", { KG_NLP_URL: elsewhere });
    expect(stopped.status).toBe(0);
    expect(stopped.stdout).toMatch(/stopped/);
    expect(javaProcessesFor(home)).toHaveLength(0);
    expect(await connects("127.0.0.1", port)).toBe(false);
    expect(readFileSync(path.join(home, "corenlp.log"), "utf8")).toMatch(/kg-corenlp: stopped/);

    const after = npm("nlp:status");
    expect(after.status).toBe(3);
    expect(after.stdout).toMatch(/not running/);
  });

  it("stops by itself after KG_NLP_IDLE_MINUTES without a request", async () => {
    const started = npm("nlp:start", { KG_NLP_IDLE_MINUTES: "1" });
    expect(started.status, started.stderr + started.stdout).toBe(0);
    const pid = Number(readFileSync(path.join(home, "corenlp.pid"), "utf8"));
    expect((await annotate(url, "Iran sold drones to Russia.")).status).toBe(200);
    const lastRequest = Date.now();

    // /live is no request: watching the server does not keep it up
    while (javaProcessesFor(home).length > 0 && Date.now() - lastRequest < 150_000) {
      await fetch(`${url}/live`).catch(() => undefined);
      await sleep(2000);
    }
    const idle = (Date.now() - lastRequest) / 1000;
    expect(javaProcessesFor(home)).toHaveLength(0);
    expect(idle).toBeGreaterThanOrEqual(59);
    expect(idle).toBeLessThan(90);
    const log = readFileSync(path.join(home, "corenlp.log"), "utf8");
    expect(log).toMatch(/no request for 1 min, exiting/);
    expect(log).toMatch(/kg-corenlp: stopped/);
    // it took its pid file with it, so status has nothing stale to report
    expect(existsSync(path.join(home, "corenlp.pid")), `pid ${pid}`).toBe(false);
    const after = npm("nlp:status");
    expect(after.status).toBe(3);
    expect(after.stdout).toMatch(/not running/);
  });
});

describe("something else on the port", () => {
  it("is not taken for CoreNLP, and nlp:start names the port and KG_NLP_URL", async () => {
    const otherPort = 9152;
    // a web server that answers 200 to every path
    const other = http.createServer((_req, res) => res.end("ok\n"));
    await new Promise<void>((resolve) => other.listen(otherPort, "127.0.0.1", resolve));
    try {
      const otherUrl = `http://127.0.0.1:${otherPort}`;
      expect(await nlpAnswers(otherUrl)).toBe(false);
      const r = npm("nlp:start", { KG_NLP_URL: otherUrl });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain(
        `port ${otherPort} (KG_NLP_URL=${otherUrl}) is taken by something that is not CoreNLP; ` +
          "stop it, or set KG_NLP_URL to a free port",
      );
      expect(javaProcessesFor(home)).toHaveLength(0);
    } finally {
      await new Promise((resolve) => other.close(resolve));
    }
  });
});

describe("ensureCoreNlp (kg ingest)", () => {
  it("uses KG_NLP_URL when it answers", async () => {
    const said: string[] = [];
    const nlpUrl = inject("nlpUrl");
    const r = await ensureCoreNlp({ say: (m) => said.push(m), env: { ...process.env, KG_NLP_URL: nlpUrl } });
    expect(r).toEqual({ url: nlpUrl, started: false });
    expect(said).toEqual([]);
  });

  it("says how to start one when KG_NLP_URL does not answer, and starts nothing", async () => {
    const silent = "http://127.0.0.1:9153";
    expect(await connects("127.0.0.1", 9153)).toBe(false);
    const said: string[] = [];
    await expect(
      ensureCoreNlp({ say: (m) => said.push(m), env: { ...process.env, KG_NLP_URL: silent, KG_NLP_HOME: home } }),
    ).rejects.toThrow(
      /no CoreNLP server answers on http:\/\/127\.0\.0\.1:9153 \(KG_NLP_URL\)\. Start one with `npm run nlp:start`.*or unset KG_NLP_URL/,
    );
    expect(said).toEqual([]);
    expect(javaProcessesFor(home)).toHaveLength(0);
  });
});
