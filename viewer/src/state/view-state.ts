import type { GraphFilter } from "../../../src/model/filter.js";

/** The link and entity-type filters the viewer applies (focus and hops are the viewer's own). */
export type ViewFilter = Omit<GraphFilter, "focus" | "hops">;

export const EMPTY_FILTER: ViewFilter = { minSources: 0, hideNegated: false, hideContested: false };

export type Selection = { kind: "node"; id: string } | { kind: "link"; id: string } | null;

export type SizeBy = "degree" | "claims";

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

/** Everything a shared URL restores: filters, what is selected or focused, the path, the camera. */
export interface ViewState {
  filter: ViewFilter;
  selection: Selection;
  /** entity whose neighbourhood is highlighted (from search) */
  focus: string | null;
  /** the two ends of a path to highlight */
  path: [string, string] | null;
  sizeBy: SizeBy;
  camera: CameraView | null;
}

export const INITIAL_VIEW: ViewState = {
  filter: EMPTY_FILTER,
  selection: null,
  focus: null,
  path: null,
  sizeBy: "degree",
  camera: null,
};

/** Is any filter narrowing the graph? */
export function filterIsActive(f: ViewFilter): boolean {
  return (
    (f.predicates?.length ?? 0) > 0 ||
    (f.types?.length ?? 0) > 0 ||
    (f.sources?.length ?? 0) > 0 ||
    f.fromYear !== undefined ||
    f.toYear !== undefined ||
    f.minSources > 0 ||
    f.hideNegated
  );
}
