/**
 * The pieces the local launchers (Neo4j, CoreNLP) share about the server process they started: its
 * pid file, whether it lives, the tail of its log, and a stop that escalates only after a wait.
 */
import { existsSync, readFileSync } from "node:fs";

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The pid a pid file names, or null when there is none or it is not a pid. */
export function readPidFile(file: string): number | null {
  if (!existsSync(file)) return null;
  const pid = Number(readFileSync(file, "utf8").trim());
  return Number.isInteger(pid) && pid > 0 ? pid : null;
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

export function logTail(file: string, lines = 30): string {
  if (!existsSync(file)) return "(no log)";
  return readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n");
}

/**
 * SIGTERM (the server's clean shutdown), then SIGKILL only if it is still there after
 * `timeoutMs`; resolves when the process is gone.
 */
export async function terminate(pid: number, timeoutMs: number, log: (msg: string) => void): Promise<void> {
  process.kill(pid, "SIGTERM");
  const deadline = Date.now() + timeoutMs;
  while (alive(pid) && Date.now() < deadline) await sleep(200);
  if (alive(pid)) {
    log(`pid ${pid} did not stop within ${timeoutMs / 1000} s; killing it`);
    process.kill(pid, "SIGKILL");
    while (alive(pid)) await sleep(100);
  }
}
