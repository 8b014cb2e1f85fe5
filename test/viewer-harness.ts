import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import type { Page } from "playwright-core";

/** Shared set-up of the viewer's browser tests and benchmark: build, serve, browse. */

export const ROOT = path.resolve(import.meta.dirname, "..");
export const ARTIFACTS = path.join(ROOT, "test-artifacts");

export { buildViewer } from "../scripts/build-viewer.js";

export interface Served {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Runs the real `kg serve` on a free port and waits for its "listening on" line. */
export async function startServe(
  dataDir: string,
  env: NodeJS.ProcessEnv = { NEO4J_URI: "" },
  args: readonly string[] = [],
): Promise<Served> {
  const child: ChildProcess = spawn(
    process.execPath,
    ["bin/kg.js", "serve", "--data", dataDir, "--port", "0", ...args],
    {
      cwd: ROOT,
      env: { ...process.env, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kg serve did not start in 60 s:\n${out}`)), 60_000);
    const check = () => {
      const m = /listening on (http:\/\/\S+?)\/?\s/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on("data", check);
    child.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`kg serve exited with ${code}:\n${out}`));
    });
  });
  return {
    url,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
        setTimeout(() => child.kill("SIGKILL"), 10_000).unref();
      }),
  };
}

export async function screenshot(page: Page, name: string): Promise<string> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file });
  return file;
}

/** Distinct colours and non-background share of a PNG, decoded by the browser itself. */
export async function pixelStats(page: Page, png: Buffer): Promise<{ colours: number; inked: number }> {
  return page.evaluate(async (b64) => {
    // an <img> rather than fetch(): the viewer's CSP allows data: images but not data: fetches
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const canvas = new OffscreenCanvas(img.naturalWidth, img.naturalHeight);
    const ctx = canvas.getContext("2d")!;
    ctx.drawImage(img, 0, 0);
    const data = ctx.getImageData(0, 0, img.naturalWidth, img.naturalHeight).data;
    const colours = new Set<number>();
    let inked = 0;
    for (let i = 0; i < data.length; i += 4) {
      const r = data[i]!;
      const g = data[i + 1]!;
      const b = data[i + 2]!;
      colours.add((r << 16) | (g << 8) | b);
      if (r < 235 || g < 235 || b < 235) inked++;
    }
    return { colours: colours.size, inked: inked / (data.length / 4) };
  }, png.toString("base64"));
}
