import { randomBytes } from "node:crypto";
import { promises as fs } from "node:fs";
import path from "node:path";

/**
 * Writes a file so that readers only ever see the old or the new content: the data goes to a
 * temporary file in the same folder, is flushed to disk, and is renamed over the target.
 * A crash (or a throwing chunk source) before the rename leaves the old file as it was.
 */
export async function writeFileAtomic(
  file: string,
  content: string | Uint8Array | Iterable<string> | AsyncIterable<string>,
): Promise<void> {
  const dir = path.dirname(file);
  await fs.mkdir(dir, { recursive: true });
  const tmp = path.join(dir, `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const handle = await fs.open(tmp, "wx");
  try {
    if (typeof content === "string" || content instanceof Uint8Array) {
      await handle.writeFile(content);
    } else {
      // buffer small chunks: one syscall per JSONL line would dominate large stores
      let buf: string[] = [];
      let size = 0;
      for await (const chunk of content as AsyncIterable<string>) {
        buf.push(chunk);
        size += chunk.length;
        if (size >= 1 << 20) {
          await handle.write(buf.join(""));
          buf = [];
          size = 0;
        }
      }
      if (buf.length > 0) await handle.write(buf.join(""));
    }
    await handle.sync();
    await handle.close();
  } catch (e) {
    await handle.close().catch(() => undefined);
    await fs.rm(tmp, { force: true });
    throw e;
  }
  await fs.rename(tmp, file);
  // make the rename itself durable
  const dirHandle = await fs.open(dir, "r").catch(() => null);
  if (dirHandle) {
    await dirHandle.sync().catch(() => undefined);
    await dirHandle.close();
  }
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
