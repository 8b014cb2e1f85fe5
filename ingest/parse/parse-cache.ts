import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { gunzipSync, gzipSync } from "node:zlib";
import { ParsedDocumentSchema, type ParsedDocument } from "./parsed.js";

/**
 * Parses kept on disk by content: the parse is most of the cost of an ingest, and re-extracting
 * after a rules or vocabulary change (`--force`) or ingesting the same article into another store
 * should not pay it again. The key covers the parser, its settings, the article date (which
 * anchors relative dates) and the exact text sent, so a hit is always the parse that request
 * would give. A damaged entry is ignored and parsed again.
 */

export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env): string | null {
  const set = env.KG_PARSE_CACHE;
  if (set !== undefined && ["off", "0", "false", "none", ""].includes(set.toLowerCase())) return null;
  if (set) return path.resolve(set);
  const base = env.XDG_CACHE_HOME || path.join(os.homedir(), ".cache");
  return path.join(base, "kg", "parses");
}

export class ParseCache {
  constructor(readonly dir: string | null) {}

  key(parts: { parserId: string; settings: string; date: string | null | undefined; text: string }): string {
    return createHash("sha256")
      .update(parts.parserId)
      .update("\u0000")
      .update(parts.settings)
      .update("\u0000")
      .update(parts.date ?? "")
      .update("\u0000")
      .update(parts.text)
      .digest("hex");
  }

  private file(key: string): string {
    return path.join(this.dir!, key.slice(0, 2), `${key}.json.gz`);
  }

  get(key: string): ParsedDocument | null {
    if (!this.dir) return null;
    let raw: Buffer;
    try {
      raw = readFileSync(this.file(key));
    } catch {
      return null;
    }
    try {
      const r = ParsedDocumentSchema.safeParse(JSON.parse(gunzipSync(raw).toString("utf8")));
      return r.success ? r.data : null;
    } catch {
      return null;
    }
  }

  set(key: string, doc: ParsedDocument): void {
    if (!this.dir) return;
    const file = this.file(key);
    try {
      mkdirSync(path.dirname(file), { recursive: true });
      // written aside and renamed, so a reader never sees half a file
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, gzipSync(JSON.stringify(doc)));
      renameSync(tmp, file);
    } catch {
      // a cache that cannot be written (read-only home, full disk) only costs time
    }
  }
}
