import { createHash, randomBytes } from "node:crypto";
import { createReadStream, promises as fs } from "node:fs";
import path from "node:path";

/** A file written and flushed under a temporary name, not yet in place. */
export interface TempFile {
  /** the temporary file, in the target's folder */
  tmp: string;
  /** where it goes */
  file: string;
  sha256: string;
  bytes: number;
}

/** Name of a temporary file for `file`: hidden, unique, and known as one by removeStaleTemporaries. */
export function temporaryName(file: string): string {
  return path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
}

/**
 * Writes content to a temporary file next to `file` and flushes it to disk, hashing it on the
 * way; `file` itself is untouched until renameIntoPlace. A throwing chunk source leaves nothing.
 */
export async function writeTemp(
  file: string,
  content: string | Uint8Array | Iterable<string> | AsyncIterable<string>,
): Promise<TempFile> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const tmp = temporaryName(file);
  const hash = createHash("sha256");
  let bytes = 0;
  const handle = await fs.open(tmp, "wx");
  const write = async (data: string | Uint8Array) => {
    const buf = typeof data === "string" ? Buffer.from(data) : data;
    hash.update(buf);
    bytes += buf.length;
    await handle.write(buf);
  };
  try {
    if (typeof content === "string" || content instanceof Uint8Array) {
      await write(content);
    } else {
      // buffer small chunks: one syscall per JSONL line would dominate large stores
      let buf: string[] = [];
      let size = 0;
      for await (const chunk of content as AsyncIterable<string>) {
        buf.push(chunk);
        size += chunk.length;
        if (size >= 1 << 20) {
          await write(buf.join(""));
          buf = [];
          size = 0;
        }
      }
      if (buf.length > 0) await write(buf.join(""));
    }
    await handle.sync();
    await handle.close();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true });
    throw e;
  }
  return { tmp, file, sha256: hash.digest("hex"), bytes };
}

/** Renames a temporary file over its target, durably (the folder is flushed too). */
export async function renameIntoPlace(t: { tmp: string; file: string }): Promise<void> {
  await fs.rename(t.tmp, t.file);
  const dirHandle = await fs.open(path.dirname(t.file), "r").catch(() => null);
  if (dirHandle) {
    await dirHandle.sync().catch(() => undefined);
    await dirHandle.close();
  }
}

/**
 * Writes a file so that readers only ever see the old or the new content: the data goes to a
 * temporary file in the same folder, is flushed to disk, and is renamed over the target.
 * A crash (or a throwing chunk source) before the rename leaves the old file as it was.
 */
export async function writeFileAtomic(
  file: string,
  content: string | Uint8Array | Iterable<string> | AsyncIterable<string>,
): Promise<TempFile> {
  const t = await writeTemp(file, content);
  await renameIntoPlace(t);
  return t;
}

/** sha256 and size of a file as it is on disk. */
export async function fileDigest(file: string): Promise<{ sha256: string; bytes: number }> {
  const hash = createHash("sha256");
  let bytes = 0;
  for await (const chunk of createReadStream(file)) {
    hash.update(chunk as Buffer);
    bytes += (chunk as Buffer).length;
  }
  return { sha256: hash.digest("hex"), bytes };
}

/** Leftover temporary files of writes that crashed: removed before a new write. */
export async function removeStaleTemporaries(dir: string): Promise<number> {
  let removed = 0;
  let names: string[];
  try {
    names = await fs.readdir(dir);
  } catch {
    return 0;
  }
  for (const name of names) {
    if (name.startsWith(".") && name.endsWith(".tmp")) {
      await fs.rm(path.join(dir, name), { force: true });
      removed++;
    }
  }
  return removed;
}
