import Sigma from "sigma";
import type { EdgeDisplayData, NodeDisplayData } from "sigma/types";
import { FADED_EDGE_COLOUR, FADED_NODE_COLOUR, HIGHLIGHT_EDGE_COLOUR, PATH_COLOUR } from "../graph/appearance.js";
import type { ViewerEdgeAttributes, ViewerGraph, ViewerNodeAttributes } from "../graph/types.js";
import type { Visibility } from "../graph/visibility.js";

/** What the reducers read: recomputed when filters or selection change, never per frame. */
export interface RenderModel {
  /** what is drawn: the filters' result, plus the path's steps */
  visibility: Visibility;
  /** when set, everything outside it is faded (search focus, path) */
  highlight: Visibility | null;
  /** the path's links are drawn in the path colour */
  pathEdges: Set<string>;
  /** entities whose labels are always drawn (the most connected of the view) */
  keyNodes: Set<string>;
  selectedNode: string | null;
  selectedEdge: string | null;
}

/**
 * Arrow heads show direction but cost a second WebGL program: with software rendering they
 * halved the frame rate of 5,000 links (scripts/bench-viewer.ts). Beyond this many links the
 * heads are too small to read anyway, so plain lines are drawn and direction stays in the panel.
 */
export const ARROW_MAX_LINKS = 2000;

export function drawsArrows(links: number): boolean {
  return links <= ARROW_MAX_LINKS;
}

export function createRenderer(
  graph: ViewerGraph,
  container: HTMLElement,
  model: () => RenderModel,
): Sigma<ViewerNodeAttributes, ViewerEdgeAttributes> {
  const nodeReducer = (node: string, data: ViewerNodeAttributes): Partial<NodeDisplayData> => {
    const m = model();
    // `type` is the entity type in our data but sigma's program name in its own
    if (!m.visibility.nodes.has(node)) return { ...data, type: "circle", hidden: true };
    const out: Partial<NodeDisplayData> = { ...data, type: "circle" };
    if (m.keyNodes.has(node)) out.forceLabel = true;
    if (m.highlight && !m.highlight.nodes.has(node)) {
      out.color = FADED_NODE_COLOUR;
      out.label = "";
      out.forceLabel = false;
      out.zIndex = 0;
    } else if (m.highlight) {
      out.zIndex = 1;
    }
    if (node === m.selectedNode) {
      out.highlighted = true;
      out.forceLabel = true;
      out.zIndex = 2;
    }
    return out;
  };
  const edgeReducer = (edge: string, data: ViewerEdgeAttributes): Partial<EdgeDisplayData> => {
    const m = model();
    if (!m.visibility.edges.has(edge)) return { ...data, hidden: true };
    const out: Partial<EdgeDisplayData> = { ...data };
    if (m.highlight && !m.highlight.edges.has(edge)) {
      out.color = FADED_EDGE_COLOUR;
      out.label = "";
      out.zIndex = 0;
    } else if (m.highlight) {
      out.zIndex = 1;
    }
    if (m.pathEdges.has(edge)) {
      out.color = PATH_COLOUR;
      out.size = Math.max(data.size ?? 1, 4);
      out.forceLabel = true;
      out.zIndex = 2;
    }
    if (edge === m.selectedEdge) {
      out.color = HIGHLIGHT_EDGE_COLOUR;
      out.size = Math.max(data.size ?? 1, 5);
      out.forceLabel = true;
      out.zIndex = 3;
    }
    return out;
  };
  return new Sigma<ViewerNodeAttributes, ViewerEdgeAttributes>(graph, container, {
    defaultEdgeType: drawsArrows(graph.size) ? "arrow" : "line",
    renderEdgeLabels: false,
    enableEdgeEvents: true,
    labelFont: "Inter, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
    labelSize: 13,
    labelWeight: "500",
    labelColor: { color: "#1f2933" },
    edgeLabelSize: 11,
    edgeLabelColor: { color: "#334e68" },
    labelDensity: 0.9,
    labelGridCellSize: 90,
    labelRenderedSizeThreshold: 5,
    zIndex: true,
    minEdgeThickness: 1,
    stagePadding: 40,
    nodeReducer,
    edgeReducer,
  });
}
