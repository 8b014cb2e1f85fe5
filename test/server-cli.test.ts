import { spawn, type ChildProcess } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeStore } from "../src/store/store.js";
import { EXPECTED, STORE_DATA } from "./server-fixture.js";

// `kg serve` as a user runs it: prints its URL, answers, and stops cleanly on SIGINT/SIGTERM.
const kg = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../bin/kg.js");
let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kg-serve-cli-"));
  await writeStore(path.join(tmp, "data"), STORE_DATA);
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  url: string;
  stderr: () => string;
  exit: Promise<number | null>;
}

function serve(args: string[]): Promise<Running> {
  const env = { ...process.env };
  delete env.NEO4J_URI; // the store alone, whatever the developer's shell says
  const child = spawn(process.execPath, [kg, "serve", "--port", "0", ...args], {
    env,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  child.stderr!.on("data", (d: Buffer) => (err += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (d: Buffer) => {
      out += d.toString();
      const m = /listening on (http:\/\/\S+)/.exec(out);
      if (m) resolve({ child, url: m[1]!, stderr: () => err, exit });
    });
    void exit.then((code) => reject(new Error(`kg serve exited with ${code} before listening:\n${out}\n${err}`)));
  });
}

describe("kg serve (CLI)", () => {
  it.each(["SIGINT", "SIGTERM"] as const)("prints its URL, serves the store and stops on %s", async (signal) => {
    const running = await serve(["--data", path.join(tmp, "data"), "--viewer", path.join(tmp, "no-dist")]);
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    const health = (await (await fetch(new URL("/api/health", running.url))).json()) as Record<string, unknown>;
    expect(health).toMatchObject({ ok: true, backend: "store", claims: EXPECTED.claims });
    expect(running.stderr()).toContain("npm run viewer:build");
    running.child.kill(signal);
    expect(await running.exit).toBe(0);
  });

  it("starts on a folder without a store and says so", async () => {
    const running = await serve(["--data", path.join(tmp, "none")]);
    const g = (await (await fetch(new URL("/api/graph", running.url))).json()) as { nodes: unknown[] };
    expect(g.nodes).toEqual([]);
    expect(running.stderr()).toMatch(/no store in .* yet/);
    running.child.kill("SIGTERM");
    expect(await running.exit).toBe(0);
  });

  it("refuses a bad --port with a message naming it", async () => {
    const child = spawn(process.execPath, [kg, "serve", "--port", "http"], { stdio: ["ignore", "pipe", "pipe"] });
    let err = "";
    child.stderr.on("data", (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on("exit", resolve));
    expect(code).not.toBe(0);
    expect(err).toContain("--port");
  });
});
