import type Sigma from "sigma";
import type { GraphResponse, GraphNode } from "../../src/model/api.js";
import type { Link } from "../../src/model/link.js";
import { addToGraph, buildViewerGraph } from "./graph/build.js";
import { LayoutController } from "./graph/layout.js";
import { shortestVisiblePath, type PathResult } from "./graph/path.js";
import { nearestEdge, type Point } from "./graph/hit.js";
import { searchNodes } from "./graph/search.js";
import { visibleSubgraph } from "./graph/subgraph.js";
import type { ViewerEdgeAttributes, ViewerGraph, ViewerNodeAttributes } from "./graph/types.js";
import { computeVisibility, neighbourhood, type Visibility } from "./graph/visibility.js";
import { applyAppearance } from "./graph/appearance.js";
import { createRenderer, type RenderModel } from "./render/renderer.js";
import type { ViewStore } from "./state/store.js";
import { viewToQuery } from "./state/url.js";
import type { ViewState } from "./state/view-state.js";

/**
 * The application core: owns the graph, the renderer and the derived render model, and keeps
 * them in step with the view state. Views talk to it through the store and a few methods.
 */
export class App {
  readonly graph: ViewerGraph;
  readonly sigma: Sigma<ViewerNodeAttributes, ViewerEdgeAttributes>;
  readonly layout: LayoutController;
  visibility: Visibility;
  path: PathResult | null = null;
  private model: RenderModel;
  private urlTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly changeListeners: Array<() => void> = [];

  constructor(
    readonly data: GraphResponse,
    readonly store: ViewStore,
    container: HTMLElement,
  ) {
    this.graph = buildViewerGraph(data.nodes, data.links);
    applyAppearance(this.graph, store.get().sizeBy);
    performance.mark("kg-graph");
    this.visibility = computeVisibility(this.graph, store.get().filter);
    this.model = this.deriveModel(store.get());
    this.layout = new LayoutController(this.graph);
    this.layout.settleSync();
    performance.mark("kg-layout");
    this.sigma = createRenderer(this.graph, container, () => this.model);
    performance.mark("kg-sigma");

    this.sigma.on("clickNode", ({ node }) => this.store.update({ selection: { kind: "node", id: node } }));
    this.sigma.on("clickEdge", ({ edge }) => this.store.update({ selection: { kind: "link", id: edge } }));
    this.sigma.on("clickStage", ({ event }) => {
      const near = this.edgeNear({ x: event.x, y: event.y });
      if (near) {
        this.store.update({ selection: { kind: "link", id: near } });
        return;
      }
      const s = this.store.get();
      if (s.selection || s.focus) this.store.update({ selection: null, focus: null });
    });
    for (const cursor of ["enterNode", "enterEdge"] as const) {
      this.sigma.on(cursor, () => container.classList.add("pointer"));
    }
    for (const cursor of ["leaveNode", "leaveEdge"] as const) {
      this.sigma.on(cursor, () => container.classList.remove("pointer"));
    }
    this.sigma.getCamera().on("updated", () => this.scheduleUrl());

    const initialCamera = store.get().camera;
    if (initialCamera) this.sigma.getCamera().setState({ ...initialCamera, angle: 0 });

    store.subscribe((next, prev) => this.onState(next, prev));
  }

  onChange(listener: () => void): void {
    this.changeListeners.push(listener);
  }

  private deriveModel(s: ViewState): RenderModel {
    let highlight: Visibility | null = null;
    const pathEdges = new Set<string>();
    this.path = null;
    if (s.path) {
      this.path = shortestVisiblePath(this.graph, this.visibility, s.path[0], s.path[1]);
      if (this.path) {
        highlight = { nodes: new Set(this.path.nodes), edges: new Set(this.path.edges) };
        for (const e of this.path.edges) pathEdges.add(e);
      }
    } else if (s.focus && this.visibility.nodes.has(s.focus)) {
      highlight = neighbourhood(this.graph, this.visibility, s.focus);
    }
    const sel = s.selection;
    return {
      visibility: this.visibility,
      highlight,
      pathEdges,
      selectedNode: sel?.kind === "node" ? sel.id : null,
      selectedEdge: sel?.kind === "link" ? sel.id : null,
    };
  }

  private onState(next: ViewState, prev: ViewState): void {
    if (next.filter !== prev.filter) this.visibility = computeVisibility(this.graph, next.filter);
    if (next.sizeBy !== prev.sizeBy) applyAppearance(this.graph, next.sizeBy);
    this.model = this.deriveModel(next);
    this.sigma.refresh({ skipIndexation: next.sizeBy === prev.sizeBy });
    if (next.focus && next.focus !== prev.focus) this.centreOn(next.focus);
    this.scheduleUrl();
    for (const l of this.changeListeners) l();
  }

  /** Re-applies everything after the graph itself changed (expand, Cypher results). */
  refreshAll(): void {
    // reindex first: sigma repaints attribute updates per item and must know every item
    this.sigma.refresh();
    applyAppearance(this.graph, this.store.get().sizeBy);
    this.visibility = computeVisibility(this.graph, this.store.get().filter);
    this.model = this.deriveModel(this.store.get());
    this.sigma.refresh();
    for (const l of this.changeListeners) l();
  }

  addData(nodes: readonly GraphNode[], links: readonly Link[]): { nodes: number; links: number } {
    const added = addToGraph(this.graph, nodes, links);
    this.sigma.refresh(); // index the new items before their attributes change
    // a new node starts next to a node it links to, so the layout has less to untangle
    const jitter = this.layoutExtent() / 50;
    for (const id of added.newNodes) {
      const neighbour = this.graph.neighbors(id).find((m) => !added.newNodes.has(m));
      if (!neighbour) continue;
      const p = this.graph.getNodeAttributes(neighbour);
      this.graph.mergeNodeAttributes(id, {
        x: p.x + (Math.random() - 0.5) * jitter,
        y: p.y + (Math.random() - 0.5) * jitter,
      });
    }
    this.graph.updateEachNodeAttributes(
      (id, a) => {
        a.degree = this.graph.degree(id);
        return a;
      },
      { attributes: ["degree"] },
    );
    this.refreshAll();
    if (added.nodes > 0) this.layout.start(3000);
    return { nodes: added.nodes, links: added.links };
  }

  private layoutExtent(): number {
    let min = Infinity;
    let max = -Infinity;
    this.graph.forEachNode((_n, a) => {
      min = Math.min(min, a.x, a.y);
      max = Math.max(max, a.x, a.y);
    });
    return Number.isFinite(max - min) && max > min ? max - min : 1;
  }

  /** A visible link within a few pixels of a viewport point (see nearestEdge). */
  edgeNear(p: Point): string | null {
    const graph = this.graph;
    const sigma = this.sigma;
    const visible = this.visibility.edges;
    function* segments() {
      for (const id of visible) {
        const [s, t] = graph.extremities(id);
        yield {
          id,
          a: sigma.graphToViewport(graph.getNodeAttributes(s)),
          b: sigma.graphToViewport(graph.getNodeAttributes(t)),
        };
      }
    }
    return nearestEdge(p, segments(), 4);
  }

  search(q: string) {
    return searchNodes(this.graph, q, 10);
  }

  visibleGraph(): ViewerGraph {
    return visibleSubgraph(this.graph, this.visibility);
  }

  /** Moves the camera to a node (display coordinates are sigma's normalised ones). */
  centreOn(node: string): void {
    const d = this.sigma.getNodeDisplayData(node);
    if (!d) return;
    void this.sigma
      .getCamera()
      .animate({ x: d.x, y: d.y, ratio: Math.min(this.sigma.getCamera().ratio, 0.6) }, { duration: 400 });
  }

  /** Counts of what sigma actually draws (hidden flags after the reducers). */
  drawnCounts(): { nodes: number; links: number } {
    let nodes = 0;
    let links = 0;
    this.graph.forEachNode((n) => {
      const d = this.sigma.getNodeDisplayData(n);
      if (d && !d.hidden) nodes++;
    });
    this.graph.forEachEdge((e) => {
      const d = this.sigma.getEdgeDisplayData(e);
      if (d && !d.hidden) links++;
    });
    return { nodes, links };
  }

  private scheduleUrl(): void {
    if (this.urlTimer) clearTimeout(this.urlTimer);
    this.urlTimer = setTimeout(() => {
      const c = this.sigma.getCamera().getState();
      const query = viewToQuery({ ...this.store.get(), camera: { x: c.x, y: c.y, ratio: c.ratio } });
      history.replaceState(null, "", `${location.pathname}${query}`);
    }, 250);
  }
}
