import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";
import { fileDigest } from "./atomic.js";
import { DATA_FILES, readManifest, STORE_FILES, type StoreManifest } from "./store.js";
import type { WaitOptions } from "./lock.js";

/**
 * Are the store's files the ones store.json names? A store written by a kg whose writes were
 * not committed as a whole (before store.json listed its files) can have been left with new
 * articles and old claims by a killed ingest; so can one whose files were replaced by hand.
 * Its readers would take it as it is and a re-run would skip the articles as unchanged.
 *
 * `thorough` compares every file's sha256 (reads the whole store); otherwise sizes, which a
 * half-written store practically never keeps, and for old stores the record counts.
 */
export interface StoreDamage {
  file: string;
  problem: string;
}

export const REPAIR_ADVICE =
  "the store was left half-written, probably by an interrupted `kg ingest`: run `kg ingest --force` " +
  "on the articles of that run (kg ingest does so by itself for the articles it is given)";

export async function checkStoreFiles(
  dir: string,
  { thorough = false, wait }: { thorough?: boolean; wait?: WaitOptions } = {},
): Promise<StoreDamage[]> {
  const manifest = await readManifest(dir, wait);
  const present = await presentFiles(dir);
  if (!manifest) {
    return present.length > 0
      ? [{ file: STORE_FILES.manifest, problem: `missing, next to ${present.join(", ")}` }]
      : [];
  }
  if (manifest.files) return checkListedFiles(dir, manifest.files, thorough);
  return checkCounts(dir, manifest);
}

async function presentFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const name of DATA_FILES) {
    try {
      await fs.access(path.join(dir, name));
      out.push(name);
    } catch {
      // absent
    }
  }
  return out;
}

async function checkListedFiles(
  dir: string,
  files: NonNullable<StoreManifest["files"]>,
  thorough: boolean,
): Promise<StoreDamage[]> {
  const damage: StoreDamage[] = [];
  for (const [name, expected] of Object.entries(files)) {
    const file = path.join(dir, name);
    let actual: { sha256?: string; bytes: number };
    try {
      actual = thorough ? await fileDigest(file) : { bytes: (await fs.stat(file)).size };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
      damage.push({ file: name, problem: "missing, though store.json lists it" });
      continue;
    }
    if (actual.bytes !== expected.bytes) {
      damage.push({ file: name, problem: `${actual.bytes} bytes, store.json says ${expected.bytes}` });
    } else if (actual.sha256 !== undefined && actual.sha256 !== expected.sha256) {
      damage.push({ file: name, problem: "content differs from the sha256 store.json names" });
    }
  }
  return damage;
}

/** Stores from before store.json listed its files: at least the record counts must agree. */
async function checkCounts(dir: string, manifest: StoreManifest): Promise<StoreDamage[]> {
  const damage: StoreDamage[] = [];
  const expected = {
    [STORE_FILES.articles]: manifest.articles,
    [STORE_FILES.entities]: manifest.entities,
    [STORE_FILES.claims]: manifest.claims,
  };
  for (const [name, count] of Object.entries(expected)) {
    const lines = await countLines(path.join(dir, name));
    if (lines !== count) damage.push({ file: name, problem: `${lines} records, store.json says ${count}` });
  }
  return damage;
}

async function countLines(file: string): Promise<number> {
  let n = 0;
  try {
    for await (const chunk of createReadStream(file)) {
      const buf = chunk as Buffer;
      for (let i = buf.indexOf(10); i !== -1; i = buf.indexOf(10, i + 1)) n++;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
  }
  return n;
}
