import { createReadStream, promises as fs } from "node:fs";
import { createInterface } from "node:readline";
import type { z } from "zod";
import { parseJsonlLine } from "../model/validate.js";

/** JSONL lines of values, in order. */
export function* toJsonl(values: Iterable<unknown>): Generator<string> {
  for (const v of values) yield JSON.stringify(v) + "\n";
}

/**
 * Streams and validates a JSONL file; errors name the file, the line and the field. A missing
 * file yields nothing (an empty store).
 */
export async function* readJsonlFile<S extends z.ZodTypeAny>(file: string, schema: S): AsyncGenerator<z.infer<S>> {
  try {
    await fs.access(file);
  } catch {
    return;
  }
  const lines = createInterface({ input: createReadStream(file, { encoding: "utf8" }), crlfDelay: Infinity });
  let n = 0;
  for await (const line of lines) {
    n++;
    if (line.trim() !== "") yield parseJsonlLine(schema, line, `${file}:${n}`);
  }
}

export async function readJsonlArray<S extends z.ZodTypeAny>(file: string, schema: S): Promise<Array<z.infer<S>>> {
  const out: Array<z.infer<S>> = [];
  for await (const v of readJsonlFile(file, schema)) out.push(v);
  return out;
}
