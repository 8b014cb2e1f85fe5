/**
 * `npm run bench:viewer [-- --sizes 1000,10000,50000 --links-per-node 5 --pan-seconds 4 --layout-seconds 4]`
 *
 * In headless Chromium, for generated graphs (scripts/bench-viewer/generate.ts, seeded), measures
 * for the viewer AND for bare sigma on the same graph in the same run:
 *   - time to first frame (navigation start → first frame drawn, including fetch and parse),
 *   - frames per second while the camera pans,
 *   - ForceAtlas2 iterations per second in the web worker,
 * and prints the viewer / bare ratio. Absolute figures depend on the WebGL renderer, which is
 * printed: here it is usually SwiftShader (software), far slower than any real GPU.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import os from "node:os";
import path from "node:path";
import type { Browser, Page } from "playwright-core";
import { build } from "vite";
import { createProgress } from "../src/cli/progress.js";
import { ARTIFACTS } from "../test/viewer-harness.js";
import { launchChromium, resolveChromium } from "../tools/chromium/chromium.js";
import { generateGraph } from "./bench-viewer/generate.js";

const ROOT = path.resolve(import.meta.dirname, "..");

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? process.argv[i + 1]! : fallback;
}

function positiveNumbers(text: string, name: string): number[] {
  const xs = text.split(",").map((s) => Number(s.trim()));
  if (xs.length === 0 || xs.some((x) => !Number.isFinite(x) || x <= 0)) {
    throw new Error(`--${name}: expected positive numbers separated by commas, got "${text}"`);
  }
  return xs;
}

const sizes = positiveNumbers(arg("sizes", "1000,10000,50000"), "sizes").map(Math.round);
const linksPerNode = positiveNumbers(arg("links-per-node", "5"), "links-per-node")[0]!;
const panSeconds = positiveNumbers(arg("pan-seconds", "4"), "pan-seconds")[0]!;
const layoutSeconds = positiveNumbers(arg("layout-seconds", "4"), "layout-seconds")[0]!;

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
};

/** Serves /viewer/ and /bare/ from their builds, and the current graph at both pages' URLs. */
function serve(dirs: { viewer: string; bare: string }, graph: () => Buffer): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (url.pathname === "/viewer/api/graph" || url.pathname === "/bare/graph.json") {
      const body = graph();
      res.writeHead(200, { "content-type": "application/json", "content-length": body.length });
      res.end(body);
      return;
    }
    const m = /^\/(viewer|bare)\/(.*)$/.exec(url.pathname);
    if (!m) {
      res.writeHead(404).end();
      return;
    }
    const root = m[1] === "viewer" ? dirs.viewer : dirs.bare;
    const rel = m[2] === "" ? (m[1] === "viewer" ? "index.html" : "bare.html") : m[2]!;
    const file = path.join(root, path.normalize(rel));
    if (!file.startsWith(root)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = readFileSync(file);
      res.writeHead(200, { "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () => {
      const a = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof a === "object" && a ? a.port : 0}` });
    }),
  );
}

interface Figures {
  firstFrameMs: number;
  panFps: number;
  panFrames: number;
  layoutIterationsPerSecond: number;
}

type BenchWindow = Window & {
  __kg?: { app: { sigma: unknown; layout: { iterations: number; start(ms?: number): void; stop(): void } } };
  __kgError?: string;
  __bare?: { sigma: unknown; runLayout: (ms: number) => Promise<number> };
};

async function measure(
  page: Page,
  url: string,
  kind: "viewer" | "bare",
  timeoutMs: number,
  screenshot: string | null,
): Promise<Figures> {
  await page.goto(url, { timeout: timeoutMs });
  await page.waitForFunction(
    () => performance.getEntriesByName("kg-first-frame").length > 0 || Boolean((window as BenchWindow).__kgError),
    null,
    { timeout: timeoutMs, polling: 200 },
  );
  const error = await page.evaluate(() => (window as BenchWindow).__kgError ?? null);
  if (error) throw new Error(`${kind}: ${error}`);
  const firstFrameMs = await page.evaluate(() => performance.getEntriesByName("kg-first-frame")[0]!.startTime);
  const marks = await page.evaluate(() =>
    performance
      .getEntriesByType("mark")
      .filter((m) => m.name.startsWith("kg-"))
      .map((m) => `${m.name} ${(m.startTime / 1000).toFixed(2)} s`)
      .join(", "),
  );
  if (process.env.KG_BENCH_MARKS) process.stderr.write(`${kind}: ${marks}\n`);
  if (kind === "viewer") {
    // the viewer starts its layout on big graphs: stop it, so panning is measured alone
    await page.evaluate(() => (window as BenchWindow).__kg!.app.layout.stop());
  }
  const pan = await page.evaluate(async (seconds) => {
    const w = window as BenchWindow;
    type S = {
      on(e: string, f: () => void): void;
      off(e: string, f: () => void): void;
      getCamera(): { getState(): { x: number }; setState(s: { x: number }): void };
    };
    const sigma = (w.__kg ? w.__kg.app.sigma : w.__bare!.sigma) as S;
    let frames = 0;
    const onFrame = () => frames++;
    sigma.on("afterRender", onFrame);
    const camera = sigma.getCamera();
    const x0 = camera.getState().x;
    const start = performance.now();
    await new Promise<void>((resolve) => {
      const step = () => {
        const elapsed = performance.now() - start;
        if (elapsed >= seconds * 1000 && frames > 0) return resolve();
        camera.setState({ x: x0 + 0.2 * Math.sin(elapsed / 400) });
        requestAnimationFrame(step);
      };
      requestAnimationFrame(step);
    });
    sigma.off("afterRender", onFrame);
    return { frames, seconds: (performance.now() - start) / 1000 };
  }, panSeconds);
  const iterations = await page.evaluate(async (ms) => {
    const w = window as BenchWindow;
    if (w.__bare) return w.__bare.runLayout(ms);
    const layout = w.__kg!.app.layout;
    const before = layout.iterations;
    layout.start(Infinity);
    await new Promise((r) => setTimeout(r, ms));
    const after = layout.iterations;
    layout.stop();
    return after - before;
  }, layoutSeconds * 1000);
  // what the graph looks like after the layout ran, to be looked at (test-artifacts/)
  if (screenshot) await page.screenshot({ path: screenshot });
  return {
    firstFrameMs,
    panFps: pan.frames / pan.seconds,
    panFrames: pan.frames,
    layoutIterationsPerSecond: iterations / layoutSeconds,
  };
}

async function rendererString(page: Page): Promise<string> {
  return page.evaluate(() => {
    const gl = document.createElement("canvas").getContext("webgl");
    if (!gl) return "no WebGL";
    const info = gl.getExtension("WEBGL_debug_renderer_info");
    return info ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : String(gl.getParameter(gl.RENDERER));
  });
}

const fmt = (n: number, digits = 1) => (n >= 100 ? n.toFixed(0) : n.toFixed(digits));
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(2)}×` : "n/a");

async function main(): Promise<void> {
  const tmp = mkdtempSync(path.join(os.tmpdir(), "kg-bench-viewer-"));
  const dirs = { viewer: path.join(tmp, "viewer"), bare: path.join(tmp, "bare") };
  let browser: Browser | null = null;
  let server: Server | null = null;
  try {
    process.stderr.write("building the viewer and the bare sigma page…\n");
    await build({
      root: path.join(ROOT, "viewer"),
      logLevel: "error",
      build: { outDir: dirs.viewer, emptyOutDir: true },
    });
    await build({
      root: path.join(ROOT, "scripts/bench-viewer"),
      configFile: false,
      logLevel: "error",
      base: "./",
      build: {
        outDir: dirs.bare,
        emptyOutDir: true,
        rollupOptions: { input: path.join(ROOT, "scripts/bench-viewer/bare.html") },
      },
    });
    let current = Buffer.from("{}");
    const s = await serve(dirs, () => current);
    server = s.server;
    browser = await launchChromium(resolveChromium());
    mkdirSync(ARTIFACTS, { recursive: true });
    const rows: Array<{ nodes: number; links: number; viewer: Figures; bare: Figures }> = [];
    let renderer = "";
    const progress = createProgress({ label: "bench:viewer", total: sizes.length * 2, unit: "runs" });
    for (const n of sizes) {
      const graph = generateGraph(n, linksPerNode, 42);
      current = Buffer.from(JSON.stringify(graph));
      const timeoutMs = 60_000 + n * 6;
      const results: Partial<Record<"viewer" | "bare", Figures>> = {};
      // bare first, then the viewer, each in a fresh page so neither inherits the other's GPU state
      for (const kind of ["bare", "viewer"] as const) {
        const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
        page.setDefaultTimeout(timeoutMs);
        // tsx compiles with keepNames: functions sent to page.evaluate call __name, absent in the page
        await page.addInitScript("window.__name = (f) => f;");
        try {
          if (!renderer) renderer = await rendererString(page);
          const shot = n <= 10_000 ? path.join(ARTIFACTS, `bench-${kind}-${n}.png`) : null;
          results[kind] = await measure(page, `${s.url}/${kind}/`, kind, timeoutMs, shot);
        } finally {
          await page.close();
        }
        progress.tick();
      }
      rows.push({ nodes: graph.nodes.length, links: graph.links.length, viewer: results.viewer!, bare: results.bare! });
    }
    progress.done();

    console.log(`\nWebGL renderer: ${renderer}`);
    console.log(
      `Canvas 990×748 in a 1280×800 window; pan ${panSeconds} s; layout ${layoutSeconds} s; ${linksPerNode} links per node asked.\n`,
    );
    console.log(
      "| nodes / links | first frame viewer / bare | ratio | pan fps viewer / bare | ratio | FA2 it/s viewer / bare | ratio |",
    );
    console.log("|---|---|---|---|---|---|---|");
    for (const r of rows) {
      console.log(
        `| ${r.nodes.toLocaleString("en")} / ${r.links.toLocaleString("en")} ` +
          `| ${fmt(r.viewer.firstFrameMs / 1000, 2)} s / ${fmt(r.bare.firstFrameMs / 1000, 2)} s | ${ratio(r.viewer.firstFrameMs, r.bare.firstFrameMs)} ` +
          `| ${fmt(r.viewer.panFps, 2)} / ${fmt(r.bare.panFps, 2)} | ${ratio(r.viewer.panFps, r.bare.panFps)} ` +
          `| ${fmt(r.viewer.layoutIterationsPerSecond)} / ${fmt(r.bare.layoutIterationsPerSecond)} | ${ratio(r.viewer.layoutIterationsPerSecond, r.bare.layoutIterationsPerSecond)} |`,
      );
    }
    console.log(
      "\nFirst-frame ratio > 1 and fps / iteration ratios < 1 mean the viewer costs more than bare sigma. " +
        "Target on real GPUs: 50k nodes / 250k links, first frame < 3 s and 30 fps; software GL here is far slower.",
    );
  } finally {
    await browser?.close();
    server?.close();
    rmSync(tmp, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(`bench:viewer: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
