import { z } from "zod";
import {
  ApiErrorSchema,
  EntityResponseSchema,
  EvidenceResponseSchema,
  GraphNodeSchema,
  QueryResponseSchema,
  type EntityResponse,
  type EvidenceResponse,
  type GraphResponse,
  type QueryResponse,
} from "../../../src/model/api.js";
import { LinkSchema } from "../../../src/model/link.js";
import { checkGraphResponse, ContractError } from "./graph-check.js";

/** The fast GraphResponse check behind zod's safeParse interface, for getJson. */
function safeCheckGraph(body: unknown): Parsed<GraphResponse> {
  try {
    return { success: true, data: checkGraphResponse(body) };
  } catch (e) {
    if (e instanceof ContractError)
      return { success: false, error: { issues: [{ path: [e.path], message: e.detail }] } };
    throw e;
  }
}

type Parsed<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> } };

interface Checker<T> {
  safeParse(body: unknown): Parsed<T>;
}

/** Neighbours returned by GET /api/neighbors/:id: nodes and links like /api/graph. */
export const NeighborsResponseSchema = z.object({ nodes: z.array(GraphNodeSchema), links: z.array(LinkSchema) });
export type NeighborsResponse = z.infer<typeof NeighborsResponseSchema>;

export class ApiRequestError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
    this.name = "ApiRequestError";
  }
}

const TOKEN_KEY = "kg-token";

/**
 * A server started with a token (kg serve off loopback) is opened as `http://host:port/#token=...`:
 * the token is kept for this tab and taken out of the address bar, so that it is neither shown nor
 * sent anywhere but as the Authorization header of the API's own requests.
 */
export function adoptTokenFromAddress(): void {
  const m = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (!m) return;
  sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(m[1]!));
  history.replaceState(null, "", `${location.pathname}${location.search}`);
}

/** Fetch with the server's token when there is one. */
export function apiFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) return fetch(url, init);
  const headers = new Headers(init.headers);
  headers.set("authorization", `Bearer ${token}`);
  return fetch(url, { ...init, headers });
}

/** Fetches and validates: a response that does not match the contract is an error, not a guess. */
async function getJson<T>(url: string, schema: Checker<T>, init?: RequestInit): Promise<T> {
  const res = await apiFetch(url, init);
  const body: unknown = await res.json().catch(() => null);
  performance.mark(`kg-json:${url}`);
  if (!res.ok) {
    const err = ApiErrorSchema.safeParse(body);
    throw new ApiRequestError(res.status, err.success ? err.data.error : `${url}: HTTP ${res.status}`);
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.map(String).join(".");
    throw new ApiRequestError(res.status, `${url}: unexpected response (${where}: ${issue?.message})`);
  }
  return parsed.data;
}

const enc = encodeURIComponent;

export const api = {
  graph: (): Promise<GraphResponse> => getJson("api/graph", { safeParse: safeCheckGraph }),
  entity: (id: string): Promise<EntityResponse> => getJson(`api/entity/${enc(id)}`, EntityResponseSchema),
  evidence: (linkId: string): Promise<EvidenceResponse> =>
    getJson(`api/evidence/${enc(linkId)}`, EvidenceResponseSchema),
  neighbors: (id: string, hops = 1): Promise<NeighborsResponse> =>
    getJson(`api/neighbors/${enc(id)}?hops=${hops}`, NeighborsResponseSchema),
  query: (cypher: string): Promise<QueryResponse> =>
    getJson("api/query", QueryResponseSchema, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ cypher, params: {} }),
    }),
  exportUrl: (format: string, params: URLSearchParams): string => {
    const p = new URLSearchParams(params);
    p.set("format", format);
    return `api/export?${p.toString()}`;
  },
};
