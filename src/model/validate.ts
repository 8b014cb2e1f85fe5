import type { z } from "zod";

/** Invalid data, with where it came from: `claims.jsonl:12: evidence.start: ...`. */
export class ValidationError extends Error {
  constructor(
    readonly location: string,
    readonly issues: ReadonlyArray<{ path: string; message: string }>,
  ) {
    super(`${location}: ${issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ")}`);
    this.name = "ValidationError";
  }
}

export function formatPath(path: ReadonlyArray<PropertyKey>): string {
  return path.map((p, i) => (typeof p === "number" ? `[${p}]` : i === 0 ? String(p) : `.${String(p)}`)).join("");
}

export function issuesOf(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/** Parses a value with a schema or throws a ValidationError naming `location` and the field. */
export function parseAt<S extends z.ZodTypeAny>(schema: S, value: unknown, location: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (!r.success) throw new ValidationError(location, issuesOf(r.error));
  return r.data;
}

/** A JSON document: JSON syntax and schema errors both name `location` (a file, or file:line). */
export function parseJsonDocument<S extends z.ZodTypeAny>(schema: S, text: string, location: string): z.infer<S> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new ValidationError(location, [{ path: "", message: `invalid JSON (${(e as Error).message})` }]);
  }
  return parseAt(schema, value, location);
}

/** One JSONL line, named by `location` (file:line). */
export function parseJsonlLine<S extends z.ZodTypeAny>(schema: S, line: string, location: string): z.infer<S> {
  return parseJsonDocument(schema, line, location);
}

/**
 * Parses JSONL text line by line. Blank lines are skipped; line numbers are 1-based so that
 * messages match an editor.
 */
export function* parseJsonl<S extends z.ZodTypeAny>(schema: S, text: string, file: string): Generator<z.infer<S>> {
  let lineNo = 0;
  for (const line of text.split("\n")) {
    lineNo++;
    if (line.trim() !== "") yield parseJsonlLine(schema, line, `${file}:${lineNo}`);
  }
}
