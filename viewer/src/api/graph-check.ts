import type { GraphResponse } from "../../../src/model/api.js";
import { LINK_FIELDS } from "../../../src/model/link.js";

/**
 * A fast, hand-written check of GET /api/graph's body against the GraphResponse contract.
 * zod takes seconds on a quarter of a million links (measured: 1.5 s for 50k links in Node),
 * which would dominate the viewer's first frame; this checks the same fields and formats in a
 * few tens of milliseconds and names the first bad field (`links[12].sourceCount: ...`).
 * test/viewer-graph-check.test.ts holds it to zod's verdicts.
 */
export class ContractError extends Error {
  constructor(
    readonly path: string,
    readonly detail: string,
  ) {
    super(`${path}: ${detail}`);
    this.name = "ContractError";
  }
}

const ENTITY_ID = /^[a-z][a-z0-9]*:[a-z0-9][a-z0-9-]*$/;
const LINK_ID = /^l_[0-9a-f]{16}$/;
const PREDICATE = /^[A-Z][A-Z0-9_]{0,63}$/;

type Rec = Record<string, unknown>;

function object(v: unknown, path: string): Rec {
  if (typeof v !== "object" || v === null || Array.isArray(v)) throw new ContractError(path, "expected an object");
  return v as Rec;
}
function array(v: unknown, path: string): unknown[] {
  if (!Array.isArray(v)) throw new ContractError(path, "expected an array");
  return v;
}
function str(v: unknown, path: string, pattern?: RegExp): string {
  if (typeof v !== "string") throw new ContractError(path, "expected a string");
  if (pattern && !pattern.test(v)) throw new ContractError(path, `does not match ${pattern.source}`);
  return v;
}
function strings(v: unknown, path: string): void {
  const a = array(v, path);
  for (let i = 0; i < a.length; i++)
    if (typeof a[i] !== "string") throw new ContractError(`${path}[${i}]`, "expected a string");
}
function count(v: unknown, path: string): void {
  if (typeof v !== "number" || !Number.isInteger(v) || v < 0)
    throw new ContractError(path, "expected a non-negative integer");
}
function intOrNull(v: unknown, path: string): void {
  if (v !== null && (typeof v !== "number" || !Number.isInteger(v)))
    throw new ContractError(path, "expected an integer or null");
}
function bool(v: unknown, path: string): void {
  if (typeof v !== "boolean") throw new ContractError(path, "expected a boolean");
}

const LINK_KEYS = new Set<string>(LINK_FIELDS);

export function checkGraphResponse(body: unknown): GraphResponse {
  const root = object(body, "body");
  const nodes = array(root.nodes, "nodes");
  for (let i = 0; i < nodes.length; i++) {
    const p = `nodes[${i}]`;
    const n = object(nodes[i], p);
    str(n.id, `${p}.id`);
    str(n.type, `${p}.type`);
    str(n.name, `${p}.name`);
    strings(n.aliases, `${p}.aliases`);
    count(n.claims, `${p}.claims`);
    count(n.degree, `${p}.degree`);
  }
  const links = array(root.links, "links");
  for (let i = 0; i < links.length; i++) {
    const p = `links[${i}]`;
    const l = object(links[i], p);
    for (const k in l) if (!LINK_KEYS.has(k)) throw new ContractError(`${p}.${k}`, "unknown field");
    str(l.id, `${p}.id`, LINK_ID);
    str(l.source, `${p}.source`, ENTITY_ID);
    str(l.target, `${p}.target`, ENTITY_ID);
    str(l.predicate, `${p}.predicate`, PREDICATE);
    count(l.claims, `${p}.claims`);
    strings(l.claimIds, `${p}.claimIds`);
    strings(l.sources, `${p}.sources`);
    count(l.sourceCount, `${p}.sourceCount`);
    strings(l.contestingSources, `${p}.contestingSources`);
    strings(l.articles, `${p}.articles`);
    strings(l.recipients, `${p}.recipients`);
    strings(l.via, `${p}.via`);
    strings(l.routes, `${p}.routes`);
    strings(l.items, `${p}.items`);
    strings(l.deniedItems, `${p}.deniedItems`);
    intOrNull(l.firstYear, `${p}.firstYear`);
    intOrNull(l.lastYear, `${p}.lastYear`);
    count(l.claimsWithoutEventTime, `${p}.claimsWithoutEventTime`);
    intOrNull(l.reportedFirstYear, `${p}.reportedFirstYear`);
    intOrNull(l.reportedLastYear, `${p}.reportedLastYear`);
    count(l.negatedClaims, `${p}.negatedClaims`);
    bool(l.negated, `${p}.negated`);
    bool(l.contested, `${p}.contested`);
    if (typeof l.confidence !== "number" || !(l.confidence >= 0 && l.confidence <= 1)) {
      throw new ContractError(`${p}.confidence`, "expected a number from 0 to 1");
    }
  }
  const meta = object(root.meta, "meta");
  if (meta.backend !== "store" && meta.backend !== "neo4j")
    throw new ContractError("meta.backend", 'expected "store" or "neo4j"');
  count(meta.articles, "meta.articles");
  count(meta.entities, "meta.entities");
  count(meta.claims, "meta.claims");
  bool(meta.neo4j, "meta.neo4j");
  return root as unknown as GraphResponse;
}
