import { spawn, type ChildProcess } from "node:child_process";
import { promises as fs } from "node:fs";
import { request } from "node:http";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeStore } from "../src/store/store.js";
import { STORE_DATA } from "./server-fixture.js";

// Who may talk to `kg serve`, tried on real `kg serve` processes over HTTP: a web page on a name
// that resolves to 127.0.0.1 must not read the API, and off loopback a token is required.
const kg = path.resolve(import.meta.dirname, "../bin/kg.js");
const TOKEN = "test-token-0123456789abcdef";
let tmp: string;

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "kg-serve-access-"));
  await writeStore(path.join(tmp, "data"), STORE_DATA);
  await fs.mkdir(path.join(tmp, "dist"));
  await fs.writeFile(path.join(tmp, "dist", "index.html"), "<!doctype html><title>kg viewer</title>");
});
afterAll(async () => {
  await fs.rm(tmp, { recursive: true, force: true });
});

interface Running {
  child: ChildProcess;
  port: number;
  output: () => string;
  exit: Promise<number | null>;
}

function serve(args: string[], env: Record<string, string | undefined> = {}): Promise<Running> {
  const childEnv: NodeJS.ProcessEnv = { ...process.env, KG_SERVE_TOKEN: undefined, NEO4J_URI: undefined, ...env };
  for (const k of Object.keys(childEnv)) if (childEnv[k] === undefined) delete childEnv[k];
  const child = spawn(
    process.execPath,
    [kg, "serve", "--port", "0", "--data", path.join(tmp, "data"), "--viewer", path.join(tmp, "dist"), ...args],
    { env: childEnv, stdio: ["ignore", "pipe", "pipe"] },
  );
  let out = "";
  child.stdout!.on("data", (d: Buffer) => (out += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (out += d.toString()));
  const exit = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", () => {
      const m = /listening on http:\/\/[^\s/]+:(\d+)\//.exec(out);
      if (m) resolve({ child, port: Number(m[1]), output: () => out, exit });
    });
    void exit.then((code) => reject(Object.assign(new Error(`kg serve exited with ${code}:\n${out}`), { code, out })));
  });
}

async function stop(r: Running): Promise<void> {
  r.child.kill("SIGTERM");
  await r.exit;
}

/** A raw request, so that the Host header is exactly the one given (fetch would set its own). */
function get(
  port: number,
  p: string,
  headers: Record<string, string>,
  method = "GET",
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: p, method, headers }, (res) => {
      let body = "";
      res.on("data", (d: Buffer) => (body += d.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("kg serve on loopback: the Host header", () => {
  let r: Running;
  beforeAll(async () => {
    r = await serve([]);
  });
  afterAll(async () => {
    await stop(r);
  });

  it("answers the loopback names with its own port", async () => {
    for (const host of [`localhost:${r.port}`, `127.0.0.1:${r.port}`, `[::1]:${r.port}`, `LOCALHOST:${r.port}`]) {
      const res = await get(r.port, "/api/health", { host });
      expect(res.status, host).toBe(200);
    }
  });

  it("refuses other names, even ones that start like a loopback address", async () => {
    for (const host of [
      "127.0.0.1.evil.example",
      `127.0.0.1.evil.example:${r.port}`,
      `127.evil.example:${r.port}`,
      `localhost.evil.example:${r.port}`,
      `evil.example:${r.port}`,
      `127.0.0.1:${r.port === 1 ? 2 : 1}`,
      "localhost",
    ]) {
      for (const p of ["/api/health", "/api/graph", "/"]) {
        const res = await get(r.port, p, { host });
        expect(res.status, `${host} ${p}`).toBe(403);
        expect(res.body).not.toContain("China");
      }
    }
  });
});

describe("kg serve off loopback", () => {
  it("refuses to start without a token, naming what to set", async () => {
    const failed = await serve(["--host", "0.0.0.0"]).then(
      async (r) => {
        await stop(r);
        return null;
      },
      (e: { code: number | null; out: string }) => e,
    );
    expect(failed, "kg serve --host 0.0.0.0 started without a token").not.toBeNull();
    expect(failed!.code).toBe(2);
    expect(failed!.out).toMatch(/KG_SERVE_TOKEN/);
  });

  it("refuses a token too short to resist guessing", async () => {
    const failed = await serve(["--host", "0.0.0.0"], { KG_SERVE_TOKEN: "short" }).then(
      async (r) => {
        await stop(r);
        return null;
      },
      (e: { code: number | null; out: string }) => e,
    );
    expect(failed).not.toBeNull();
    expect(failed!.out).toMatch(/KG_SERVE_TOKEN: the token must be at least 16 characters/);
  });

  it("with KG_SERVE_TOKEN, answers the API only to requests carrying it, and never prints it", async () => {
    const r = await serve(["--host", "0.0.0.0"], { KG_SERVE_TOKEN: TOKEN });
    try {
      const host = { host: `kg.example.org:${r.port}` };
      for (const [p, method] of [
        ["/api/health", "GET"],
        ["/api/graph", "GET"],
        ["/api/export?format=json", "GET"],
        ["/api/query", "POST"],
      ] as const) {
        const none = await get(r.port, p, host, method);
        expect(none.status, p).toBe(401);
        expect(none.body).not.toContain("China");
        const wrong = await get(r.port, p, { ...host, authorization: `Bearer ${TOKEN}x` }, method);
        expect(wrong.status, p).toBe(401);
      }
      const ok = await get(r.port, "/api/graph", { ...host, authorization: `Bearer ${TOKEN}` });
      expect(ok.status).toBe(200);
      expect(ok.body).toContain("China");
      // the viewer's page itself holds no data: it loads, then asks for the token's data
      expect((await get(r.port, "/", host)).status).toBe(200);
      expect(r.output()).toMatch(/#token=<your token>/);
      expect(r.output()).not.toContain(TOKEN);
    } finally {
      await stop(r);
    }
  });

  it("on loopback too, a token given is required", async () => {
    const r = await serve(["--token", TOKEN]);
    try {
      const host = { host: `127.0.0.1:${r.port}` };
      expect((await get(r.port, "/api/health", host)).status).toBe(401);
      expect((await get(r.port, "/api/health", { ...host, authorization: `Bearer ${TOKEN}` })).status).toBe(200);
    } finally {
      await stop(r);
    }
  });
});
