import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { gzip } from "node:zlib";
import type { z } from "zod";
import type { ApiError } from "../model/api.js";
import { formatPath } from "../model/validate.js";

/** An error with the HTTP status and the ApiError body the client gets. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly issues?: ApiError["issues"],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}

export const JSON_TYPE = "application/json; charset=utf-8";

export function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": JSON_TYPE,
    "content-length": Buffer.byteLength(text),
    "cache-control": "no-store",
    "x-content-type-options": "nosniff",
    ...headers,
  });
  res.end(text);
}

export function sendError(res: ServerResponse, error: HttpError): void {
  const body: ApiError = { error: error.message };
  if (error.issues && error.issues.length > 0) body.issues = error.issues;
  sendJson(res, error.status, body, error.headers);
}

/**
 * Zod issues as ApiError issues. An unknown key is reported under its own name (zod puts it on
 * the parent path), so a typo such as `?hop=2` says `hop`.
 */
export function issuesOf(error: z.ZodError, prefix = ""): NonNullable<ApiError["issues"]> {
  const out: NonNullable<ApiError["issues"]> = [];
  for (const issue of error.issues) {
    const base = formatPath(issue.path);
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [null];
    for (const key of keys) {
      const path = [prefix, base, key ?? ""].filter(Boolean).join(".");
      out.push({ path, message: key ? `unknown parameter` : issue.message });
    }
  }
  return out;
}

/** Parses input with a schema, or throws a 400 whose message names every bad field. */
export function parseInput<S extends z.ZodTypeAny>(schema: S, value: unknown, what: string): z.infer<S> {
  const r = schema.safeParse(value);
  if (r.success) return r.data;
  const issues = issuesOf(r.error);
  const summary = issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join("; ");
  throw new HttpError(400, `invalid ${what}: ${summary}`, issues);
}

/** Query parameters as a plain object (the last value wins for a repeated key). */
export function queryObject(url: URL, omit: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of url.searchParams) if (!omit.includes(k)) out[k] = v;
  return out;
}

/** Reads a JSON body, refusing more than `limit` bytes (413) and non-JSON (400, 415). */
export async function readJsonBody(req: IncomingMessage, limit: number): Promise<unknown> {
  const type = req.headers["content-type"] ?? "";
  if (!/^application\/json\b/i.test(type)) {
    throw new HttpError(415, "request body must be JSON (content-type: application/json)");
  }
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit) {
    throw new HttpError(413, `request body too large: ${declared} bytes, the limit is ${limit}`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buf = chunk as Buffer;
    size += buf.length;
    if (size > limit) throw new HttpError(413, `request body too large: more than ${limit} bytes`);
    chunks.push(buf);
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new HttpError(400, `request body is not valid JSON: ${(e as Error).message}`);
  }
}

/** Streams text chunks, waiting for the socket to drain so a large export never piles up in memory. */
export async function writeChunks(res: ServerResponse, chunks: Iterable<string>): Promise<void> {
  let buffered = "";
  for (const chunk of chunks) {
    buffered += chunk;
    if (buffered.length < 64 * 1024) continue;
    if (!res.write(buffered)) {
      await new Promise<void>((resolve) => {
        const done = () => {
          res.off("drain", done);
          res.off("close", done);
          resolve();
        };
        res.once("drain", done);
        res.once("close", done);
      });
    }
    buffered = "";
    if (res.destroyed) return;
  }
  res.end(buffered);
}

const gzipAsync = promisify(gzip);

/**
 * A large JSON response sent many times unchanged (the whole graph): serialised once, gzipped once
 * on the first request that accepts gzip.
 */
export class CachedJson {
  private readonly json: Buffer;
  private gzipped: Promise<Buffer> | null = null;

  constructor(body: unknown) {
    this.json = Buffer.from(JSON.stringify(body));
  }

  async send(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers: Record<string, string | number> = {
      "content-type": JSON_TYPE,
      "cache-control": "no-store",
      "x-content-type-options": "nosniff",
      vary: "accept-encoding",
    };
    let data = this.json;
    if (this.json.length > 64 * 1024 && /\bgzip\b/.test(String(req.headers["accept-encoding"] ?? ""))) {
      this.gzipped ??= gzipAsync(this.json, { level: 6 });
      data = await this.gzipped;
      headers["content-encoding"] = "gzip";
    }
    headers["content-length"] = data.length;
    res.writeHead(200, headers);
    res.end(data);
  }
}
