import type { GraphFilter } from "../../../src/model/filter.js";

/** The link and entity-type filters the viewer applies (focus and hops are the viewer's own). */
export type ViewFilter = Omit<GraphFilter, "focus" | "hops">;

export const EMPTY_FILTER: ViewFilter = { minSources: 0, hideNegated: false, hideContested: false };

/** A link, and optionally the claim among its evidence to show (from the claims table or a sentence). */
export type Selection = { kind: "node"; id: string } | { kind: "link"; id: string; claim?: string } | null;

export type SizeBy = "degree" | "claims";

/** What the graph draws: relation links (subject → object), or supply flows and their route legs. */
export type Mode = "relations" | "flows";

/** Which links a path may follow (viewer/src/graph/path.ts). */
export type PathKind = "supply" | "materiel" | "any";

export interface CameraView {
  x: number;
  y: number;
  ratio: number;
}

/** Everything a shared URL restores: filters, what is selected or focused, the path, the camera. */
export interface ViewState {
  mode: Mode;
  filter: ViewFilter;
  selection: Selection;
  /** entity whose neighbourhood is highlighted (from search) */
  focus: string | null;
  /** the two ends of a path to highlight, from → to */
  path: [string, string] | null;
  pathKind: PathKind;
  sizeBy: SizeBy;
  /** labels on links (items on flows, the relation on others) */
  edgeLabels: boolean;
  /** the claims table under the graph */
  table: boolean;
  camera: CameraView | null;
}

export const INITIAL_VIEW: ViewState = {
  mode: "relations",
  filter: EMPTY_FILTER,
  selection: null,
  focus: null,
  path: null,
  pathKind: "supply",
  sizeBy: "degree",
  edgeLabels: false,
  table: false,
  camera: null,
};

/** Is any filter narrowing the graph? */
export function filterIsActive(f: ViewFilter): boolean {
  return (
    (f.predicates?.length ?? 0) > 0 ||
    (f.types?.length ?? 0) > 0 ||
    (f.sources?.length ?? 0) > 0 ||
    (f.recipients?.length ?? 0) > 0 ||
    (f.via?.length ?? 0) > 0 ||
    (f.items?.length ?? 0) > 0 ||
    (f.supplierCountries?.length ?? 0) > 0 ||
    f.fromYear !== undefined ||
    f.toYear !== undefined ||
    f.minSources > 0 ||
    f.hideNegated ||
    f.hideContested
  );
}
