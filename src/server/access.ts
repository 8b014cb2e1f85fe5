import { createHash, timingSafeEqual } from "node:crypto";
import { isIP } from "node:net";
import type { IncomingMessage } from "node:http";
import { HttpError } from "./http.js";

/**
 * Who may talk to `kg serve`. On a loopback address the Host header must name this server
 * exactly (localhost, 127.0.0.1 or [::1], with its port): a web page on another name that
 * resolves to 127.0.0.1 (DNS rebinding) is refused, since the browser sends that name. Anywhere
 * else a token is required on every API request, sent as `Authorization: Bearer <token>`: a
 * header a foreign page cannot add on the analyst's behalf.
 */

export const MIN_TOKEN_LENGTH = 16;

/** Is this listening address reachable from this machine only? */
export function isLoopback(host: string): boolean {
  const h = host.toLowerCase().replace(/^\[(.*)\]$/, "$1");
  if (h === "localhost" || h === "::1") return true;
  return isIP(h) === 4 && h.startsWith("127.");
}

/** The Host headers a browser sends for this server: each loopback name with the port. */
export function loopbackHostHeaders(listening: string, port: number): Set<string> {
  const names = ["localhost", "127.0.0.1", "[::1]"];
  const own = listening.includes(":") && !listening.startsWith("[") ? `[${listening}]` : listening.toLowerCase();
  if (!names.includes(own)) names.push(own);
  const headers = new Set(names.map((n) => `${n}:${port}`));
  // a browser leaves out the scheme's default port
  if (port === 80) for (const n of names) headers.add(n);
  return headers;
}

export function hostAllowed(req: IncomingMessage, allowed: ReadonlySet<string>): boolean {
  const header = req.headers.host;
  return header !== undefined && allowed.has(header.toLowerCase());
}

/** A token given by the user, checked before the server starts: a short one is guessable. */
export function checkToken(token: string, where: string): string {
  if (token.length < MIN_TOKEN_LENGTH || /\s/.test(token)) {
    throw new Error(
      `${where}: the token must be at least ${MIN_TOKEN_LENGTH} characters without spaces ` +
        `(e.g. the output of \`openssl rand -hex 24\`)`,
    );
  }
  return token;
}

const digest = (s: string) => createHash("sha256").update(s).digest();

/** Throws 401 unless the request carries the token; compared in constant time. */
export function requireToken(req: IncomingMessage, token: string): void {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? "");
  if (m && timingSafeEqual(digest(m[1]!), digest(token))) return;
  throw new HttpError(
    401,
    m
      ? "wrong token: send the token kg serve was started with (KG_SERVE_TOKEN or --token)"
      : "this server needs a token: send it as 'Authorization: Bearer <token>' (the viewer takes it from #token=... in its address)",
    undefined,
    { "www-authenticate": 'Bearer realm="kg"' },
  );
}
