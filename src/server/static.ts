import { createReadStream, promises as fs } from "node:fs";
import type { IncomingMessage, ServerResponse } from "node:http";
import path from "node:path";
import { HttpError } from "./http.js";

/**
 * Static hosting of the built viewer (viewer/dist): content types, SPA fallback to index.html
 * for page routes, no way out of the folder, and the security headers the viewer is built for.
 */

const CONTENT_TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".ico": "image/x-icon",
  ".woff": "font/woff",
  ".woff2": "font/woff2",
  ".ttf": "font/ttf",
  ".txt": "text/plain; charset=utf-8",
  ".wasm": "application/wasm",
  ".webmanifest": "application/manifest+json",
};

/**
 * The policy asked for, plus `worker-src 'self' blob:` because graphology's layout worker is
 * started from a Blob URL (without it, worker-src falls back to script-src and the layout fails).
 */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; object-src 'none'; img-src 'self' data: blob:; " +
  "style-src 'self' 'unsafe-inline'; worker-src 'self' blob:";

export const STATIC_SECURITY_HEADERS: Readonly<Record<string, string>> = {
  "content-security-policy": CONTENT_SECURITY_POLICY,
  "x-content-type-options": "nosniff",
  "x-frame-options": "DENY",
  "referrer-policy": "no-referrer",
};

export const VIEWER_NOT_BUILT =
  "The viewer is not built: run npm run viewer:build (or npm start), then reload. The JSON API is under /api/.";

export function contentTypeOf(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
}

/**
 * Maps a URL path onto a file under root, or throws: 400 for a malformed or NUL-bearing path,
 * 403 for a path that leaves root once decoded (`/..%2f..%2fetc/passwd`) or names a dotfile.
 */
export function resolveStaticPath(root: string, pathname: string): string {
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    throw new HttpError(400, "invalid percent-encoding in path");
  }
  if (decoded.includes("\0")) throw new HttpError(400, "invalid path");
  const base = path.resolve(root);
  const file = path.resolve(base, "." + path.posix.normalize("/" + decoded.replace(/\\/g, "/")));
  const relative = path.relative(base, file);
  if (relative.startsWith("..") || path.isAbsolute(relative) || decoded.split(/[\\/]/).includes("..")) {
    throw new HttpError(403, "path outside the viewer folder");
  }
  if (relative.split(path.sep).some((s) => s.startsWith("."))) throw new HttpError(403, "hidden file");
  return file;
}

async function fileStat(file: string): Promise<{ size: number; mtime: Date } | null> {
  try {
    const s = await fs.stat(file);
    return s.isFile() ? s : null;
  } catch {
    return null;
  }
}

/** Serves GET/HEAD of a viewer file; page routes without an extension fall back to index.html. */
export async function serveStatic(root: string, req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
  if (req.method !== "GET" && req.method !== "HEAD") {
    throw new HttpError(405, `method ${req.method} not allowed on static files`, undefined, { allow: "GET, HEAD" });
  }
  const index = path.join(root, "index.html");
  if (!(await fileStat(index))) {
    res.writeHead(503, { "content-type": "text/plain; charset=utf-8", ...STATIC_SECURITY_HEADERS });
    res.end(VIEWER_NOT_BUILT + "\n");
    return;
  }
  let file = resolveStaticPath(root, url.pathname);
  let stat = await fileStat(file);
  if (!stat) {
    const dir = await fs.stat(file).catch(() => null);
    if (dir?.isDirectory() && (await fileStat(path.join(file, "index.html")))) file = path.join(file, "index.html");
    else if (path.extname(url.pathname) === "") file = index;
    else throw new HttpError(404, `no such file: ${url.pathname}`);
    stat = await fileStat(file);
    if (!stat) throw new HttpError(404, `no such file: ${url.pathname}`);
  }
  // hashed build assets never change; index.html must be revalidated to pick up a new build
  const cache = file.endsWith(".html") ? "no-cache" : "public, max-age=31536000, immutable";
  res.writeHead(200, {
    "content-type": contentTypeOf(file),
    "content-length": stat.size,
    "last-modified": stat.mtime.toUTCString(),
    "cache-control": url.pathname.startsWith("/assets/") ? cache : "no-cache",
    ...STATIC_SECURITY_HEADERS,
  });
  if (req.method === "HEAD") {
    res.end();
    return;
  }
  await new Promise<void>((resolve, reject) => {
    const stream = createReadStream(file);
    stream.on("error", reject);
    res.on("close", () => {
      stream.destroy();
      resolve();
    });
    stream.pipe(res).on("finish", resolve);
  });
}
