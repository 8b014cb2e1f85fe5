import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";

/**
 * One writer per store. `kg ingest` reads the store, extracts for minutes and writes it back: two
 * of them at once would each write their own merge and the first one's articles would be lost.
 * The writer holds `.kg-lock` (created exclusively) for its whole run; readers wait while it is
 * held, so that they never read one file from before a write and another from after it. A lock
 * left by a process that is gone (killed, crashed) is taken over.
 */

export const LOCK_FILE = ".kg-lock";

export interface LockHolder {
  pid: number;
  host: string;
  command: string;
  started: string;
}

export class StoreLockedError extends Error {
  constructor(
    readonly dir: string,
    readonly holder: LockHolder,
  ) {
    super(
      `${dir} is being written by \`${holder.command}\` (pid ${holder.pid} on ${holder.host}, since ${holder.started}); ` +
        `wait for it to finish, or remove ${path.join(dir, LOCK_FILE)} if that process is gone`,
    );
    this.name = "StoreLockedError";
  }
}

async function readHolder(file: string): Promise<LockHolder | null> {
  try {
    return JSON.parse(await fs.readFile(file, "utf8")) as LockHolder;
  } catch {
    // gone meanwhile, or half written by a writer that is creating it right now
    return null;
  }
}

function alive(holder: LockHolder): boolean {
  // another machine's process (a shared folder) cannot be checked: assume it runs
  if (holder.host !== os.hostname()) return true;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === "EPERM";
  }
}

/** Takes the store's lock, or throws StoreLockedError naming who holds it. Returns the release. */
export async function lockStore(dir: string, command: string): Promise<() => Promise<void>> {
  await fs.mkdir(dir, { recursive: true });
  const file = path.join(dir, LOCK_FILE);
  const me: LockHolder = { pid: process.pid, host: os.hostname(), command, started: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      await fs.writeFile(file, JSON.stringify(me) + "\n", { flag: "wx" });
      return async () => {
        const holder = await readHolder(file);
        if (holder?.pid === me.pid && holder.started === me.started) await fs.rm(file, { force: true });
      };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "EEXIST") throw e;
    }
    const holder = await readHolder(file);
    if (holder && alive(holder)) throw new StoreLockedError(dir, holder);
    // stale (its process is gone) or unreadable: remove it and try again
    if (holder) await fs.rm(file, { force: true });
    else await new Promise((r) => setTimeout(r, 50));
  }
  const holder = await readHolder(file);
  throw new StoreLockedError(dir, holder ?? { pid: 0, host: "?", command: "unknown", started: "?" });
}

export interface WaitOptions {
  /** give up after this long (default 10 minutes) */
  timeoutMs?: number;
  /** called once when the wait starts */
  onWait?: (holder: LockHolder) => void;
}

/** Resolves when no live process holds the store's lock (at once if none does). */
export async function waitForStoreUnlocked(dir: string, opts: WaitOptions = {}): Promise<void> {
  const file = path.join(dir, LOCK_FILE);
  const deadline = Date.now() + (opts.timeoutMs ?? 600_000);
  let told = false;
  for (;;) {
    const holder = await readHolder(file);
    if (!holder || !alive(holder) || (holder.pid === process.pid && holder.host === os.hostname())) return;
    if (Date.now() > deadline) throw new StoreLockedError(dir, holder);
    if (!told) {
      opts.onWait?.(holder);
      told = true;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}
