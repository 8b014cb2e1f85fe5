import type { IncomingMessage, ServerResponse } from "node:http";
import { HttpError } from "./http.js";

export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  url: URL;
  /** decoded path parameters (`:id`) */
  params: Record<string, string>;
}

export type Handler = (ctx: RouteContext) => Promise<void> | void;

interface Route {
  method: string;
  parts: string[];
  handler: Handler;
}

/**
 * A minimal router: `/api/entity/:id` patterns, exact segment counts, 405 (with Allow) when the
 * path exists under another method. Parameters are percent-decoded; a malformed escape is a 400.
 */
export class Router {
  private readonly routes: Route[] = [];

  on(method: string, pattern: string, handler: Handler): this {
    this.routes.push({ method, parts: split(pattern), handler });
    return this;
  }

  /** The handler for a request, or null when no route has this path. Throws 405 on a method mismatch. */
  match(method: string, pathname: string): { handler: Handler; params: Record<string, string> } | null {
    const segments = split(pathname);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = matchParts(route.parts, segments);
      if (!params) continue;
      if (route.method === method || (method === "HEAD" && route.method === "GET")) {
        return { handler: route.handler, params };
      }
      allowed.push(route.method);
    }
    if (allowed.length > 0) {
      const allow = [...new Set(allowed)].join(", ");
      throw new HttpError(405, `method ${method} not allowed on ${pathname} (allowed: ${allow})`, undefined, { allow });
    }
    return null;
  }
}

function split(path: string): string[] {
  return path.split("/").filter((s) => s.length > 0);
}

function matchParts(parts: string[], segments: string[]): Record<string, string> | null {
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const segment = segments[i]!;
    if (part.startsWith(":")) {
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
      } catch {
        throw new HttpError(400, `invalid percent-encoding in path parameter ${part.slice(1)}`, [
          { path: part.slice(1), message: "invalid percent-encoding" },
        ]);
      }
    } else if (part !== segment) return null;
  }
  return params;
}
