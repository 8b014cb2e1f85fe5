import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, inject, it } from "vitest";
import { LOCK_FILE, lockStore, StoreLockedError } from "../src/store/lock.js";
import { readStore, STORE_FILES } from "../src/store/store.js";

// One writer per store: a second `kg ingest` on a store being written fails and names the
// writer, readers wait for the writer, and a lock left by a killed process is taken over.

const ROOT = path.resolve(import.meta.dirname, "..");
const SEED = path.join(ROOT, "examples", "articles");
const children: ChildProcess[] = [];

afterEach(() => {
  for (const c of children.splice(0)) c.kill("SIGKILL");
});

const tmpStore = () => fs.mkdtemp(path.join(os.tmpdir(), "kg-lock-"));

/** A live process holding the store's lock, as another `kg ingest` would. */
async function holdLock(dir: string, command = "kg ingest"): Promise<ChildProcess> {
  const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
  children.push(child);
  const holder = { pid: child.pid, host: os.hostname(), command, started: new Date().toISOString() };
  await fs.writeFile(path.join(dir, LOCK_FILE), JSON.stringify(holder));
  return child;
}

const exited = (child: ChildProcess) => new Promise((resolve) => child.once("exit", resolve));

function kg(args: string[]) {
  return spawnSync(process.execPath, [path.join(ROOT, "bin", "kg.js"), ...args], {
    cwd: ROOT,
    encoding: "utf8",
    env: { ...process.env, FORCE_COLOR: "0", KG_NLP_URL: inject("nlpUrl") },
  });
}

describe("the store's lock", () => {
  it("lets one writer in and names it to the next", async () => {
    const dir = await tmpStore();
    const release = await lockStore(dir, "kg ingest");
    const second = lockStore(dir, "kg ingest");
    await expect(second).rejects.toBeInstanceOf(StoreLockedError);
    await expect(second).rejects.toThrow(`is being written by \`kg ingest\` (pid ${process.pid}`);
    await release();
    const again = await lockStore(dir, "kg ingest");
    await again();
    await expect(fs.access(path.join(dir, LOCK_FILE))).rejects.toThrow();
  });

  it("takes over a lock whose process is gone", async () => {
    const dir = await tmpStore();
    const child = await holdLock(dir);
    child.kill("SIGKILL");
    await exited(child);
    const release = await lockStore(dir, "kg ingest");
    const holder = JSON.parse(await fs.readFile(path.join(dir, LOCK_FILE), "utf8")) as { pid: number };
    expect(holder.pid).toBe(process.pid);
    await release();
  });

  it("makes a reader wait until the writer is done", async () => {
    const dir = await tmpStore();
    expect(kg(["ingest", SEED, "--data", dir, "--threads", "1"]).status).toBe(0);
    const child = await holdLock(dir);
    let waited = false;
    let read = false;
    const reading = readStore(dir, { onWait: () => (waited = true) }).then((d) => ((read = true), d));
    await new Promise((r) => setTimeout(r, 600));
    expect(waited).toBe(true);
    expect(read).toBe(false);
    child.kill("SIGKILL");
    await exited(child);
    expect((await reading).articles.length).toBe(4);
  });

  it("refuses a second kg ingest while one writes the store, and leaves the store as it was", async () => {
    const dir = await tmpStore();
    expect(kg(["ingest", SEED, "--data", dir, "--threads", "1"]).status).toBe(0);
    const before = await fs.readFile(path.join(dir, STORE_FILES.claims), "utf8");
    const child = await holdLock(dir);
    const r = kg(["ingest", path.join(ROOT, "test", "fixtures", "dev-articles"), "--data", dir, "--threads", "1"]);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toContain(`is being written by \`kg ingest\` (pid ${child.pid}`);
    expect(await fs.readFile(path.join(dir, STORE_FILES.claims), "utf8")).toBe(before);
    // once the writer is gone, its stale lock does not block the next run
    child.kill("SIGKILL");
    await exited(child);
    const ok = kg(["ingest", path.join(ROOT, "test", "fixtures", "dev-articles"), "--data", dir, "--threads", "1"]);
    expect(ok.status).toBe(0);
    expect((await readStore(dir)).articles.length).toBe(12);
    await expect(fs.access(path.join(dir, LOCK_FILE))).rejects.toThrow();
  });
});
