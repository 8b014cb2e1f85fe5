import { GraphFilterSchema, LINK_FILTER_KEYS } from "../../../src/model/filter.js";
import {
  EMPTY_FILTER,
  INITIAL_VIEW,
  type CameraView,
  type PathKind,
  type ViewFilter,
  type ViewState,
} from "./view-state.js";

/**
 * The view in a query string, so that a view can be shared as a link. Filter parameters use the
 * names of GraphFilter (the same as GET /api/export), the rest are the viewer's own.
 */
const LIST_KEYS = ["predicates", "types", "sources", "recipients", "via", "items", "supplierCountries"] as const;
const PATH_KINDS: readonly PathKind[] = ["supply", "materiel", "any"];

/** Filter as query parameters, only the ones that narrow anything (also used for /api/export). */
export function filterToParams(f: ViewFilter): URLSearchParams {
  const p = new URLSearchParams();
  for (const key of LIST_KEYS) if (f[key]?.length) p.set(key, f[key].join(","));
  if (f.fromYear !== undefined) p.set("fromYear", String(f.fromYear));
  if (f.toYear !== undefined) p.set("toYear", String(f.toYear));
  if (f.minSources > 0) p.set("minSources", String(f.minSources));
  if (f.hideNegated) p.set("hideNegated", "1");
  if (f.hideContested) p.set("hideContested", "1");
  return p;
}

const round = (n: number, digits: number) => Number(n.toFixed(digits));

export function viewToQuery(v: ViewState): string {
  const p = filterToParams(v.filter);
  if (v.mode !== "relations") p.set("view", v.mode);
  if (v.selection) p.set(v.selection.kind === "node" ? "node" : "link", v.selection.id);
  if (v.focus) p.set("focus", v.focus);
  if (v.path) p.set("path", `${v.path[0]},${v.path[1]}`);
  if (v.pathKind !== INITIAL_VIEW.pathKind) p.set("pathBy", v.pathKind);
  if (v.sizeBy !== "degree") p.set("size", v.sizeBy);
  if (v.edgeLabels) p.set("labels", "1");
  if (v.table) p.set("table", "1");
  if (v.camera) p.set("cam", [round(v.camera.x, 4), round(v.camera.y, 4), round(v.camera.ratio, 4)].join(","));
  const s = p.toString();
  return s ? `?${s}` : "";
}

export interface ParsedView {
  view: ViewState;
  /** parameters that were ignored, with why: shown to the user rather than silently dropped */
  warnings: string[];
}

/** Reads a view from a query string; a bad parameter is dropped with a warning, the rest kept. */
export function queryToView(search: string): ParsedView {
  const p = new URLSearchParams(search);
  const warnings: string[] = [];
  const filter: Record<string, unknown> = {};
  for (const key of LINK_FILTER_KEYS) {
    const value = p.get(key);
    if (value === null) continue;
    const one = GraphFilterSchema.safeParse({ [key]: value });
    if (one.success) filter[key] = one.data[key];
    else warnings.push(`${key}: ${one.error.issues[0]?.message ?? "invalid"}`);
  }
  let parsedFilter: ViewFilter = { ...EMPTY_FILTER, ...(filter as Partial<ViewFilter>) };
  if (
    parsedFilter.fromYear !== undefined &&
    parsedFilter.toYear !== undefined &&
    parsedFilter.fromYear > parsedFilter.toYear
  ) {
    warnings.push("fromYear: must not be after toYear");
    parsedFilter = { ...parsedFilter, fromYear: undefined, toYear: undefined };
  }
  const view: ViewState = { ...INITIAL_VIEW, filter: parsedFilter };
  const mode = p.get("view");
  if (mode === "flows" || mode === "relations") view.mode = mode;
  else if (mode !== null) warnings.push("view: expected relations or flows");
  const node = p.get("node");
  const link = p.get("link");
  if (node) view.selection = { kind: "node", id: node };
  else if (link) view.selection = { kind: "link", id: link };
  view.focus = p.get("focus") || null;
  const path = p.get("path");
  if (path) {
    const [a, b, ...rest] = path.split(",");
    if (a && b && rest.length === 0) view.path = [a, b];
    else warnings.push("path: expected two entity ids separated by a comma");
  }
  const pathBy = p.get("pathBy");
  if (pathBy !== null) {
    if ((PATH_KINDS as readonly string[]).includes(pathBy)) view.pathKind = pathBy as PathKind;
    else warnings.push(`pathBy: expected ${PATH_KINDS.join(", ")}`);
  }
  const size = p.get("size");
  if (size === "claims" || size === "degree") view.sizeBy = size;
  else if (size !== null) warnings.push("size: expected degree or claims");
  view.edgeLabels = p.get("labels") === "1";
  view.table = p.get("table") === "1";
  const cam = p.get("cam");
  if (cam) {
    const camera = parseCamera(cam);
    if (camera) view.camera = camera;
    else warnings.push("cam: expected x,y,ratio");
  }
  return { view, warnings };
}

function parseCamera(text: string): CameraView | null {
  const parts = text.split(",").map(Number);
  if (parts.length !== 3 || parts.some((n) => !Number.isFinite(n))) return null;
  const [x, y, ratio] = parts as [number, number, number];
  return ratio > 0 ? { x, y, ratio } : null;
}
