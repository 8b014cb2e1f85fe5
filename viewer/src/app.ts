import type Sigma from "sigma";
import type { GraphResponse, GraphNode } from "../../src/model/api.js";
import { compileLinkFilter, compileTypeFilter, LINK_FILTER_KEYS, type FilterNames } from "../../src/model/filter.js";
import type { Link } from "../../src/model/link.js";
import { FLOW_RELATION } from "../../src/model/vocabulary.js";
import { addToGraph, buildViewerGraph } from "./graph/build.js";
import { LayoutController } from "./graph/layout.js";
import { modeFilter } from "./graph/modes.js";
import { findPath, type PathAnswer } from "./graph/path.js";
import { nearestEdge, type Point } from "./graph/hit.js";
import { searchNodes } from "./graph/search.js";
import { visibleSubgraph } from "./graph/subgraph.js";
import type { ViewerEdgeAttributes, ViewerGraph, ViewerNodeAttributes } from "./graph/types.js";
import { computeVisibility, keyNodes, neighbourhood, viewerFilterNames, type Visibility } from "./graph/visibility.js";
import { applyAppearance } from "./graph/appearance.js";
import { createRenderer, type RenderModel } from "./render/renderer.js";
import type { ViewStore } from "./state/store.js";
import { viewToQuery } from "./state/url.js";
import { EMPTY_FILTER, type ViewFilter, type ViewState } from "./state/view-state.js";

/**
 * Labels always drawn: on a small view every entity's, on a big one the most connected (the
 * others show as room allows, and on zooming in).
 */
const keyNodeCount = (visible: number) =>
  visible <= 40 ? visible : Math.max(10, Math.min(25, Math.round(visible / 20)));

/**
 * The application core: owns the graph, the renderer and the derived render model, and keeps
 * them in step with the view state. Views talk to it through the store and a few methods.
 */
export class App {
  readonly graph: ViewerGraph;
  readonly sigma: Sigma<ViewerNodeAttributes, ViewerEdgeAttributes>;
  readonly layout: LayoutController;
  visibility: Visibility;
  /** the path asked for, and when there is none, what else was found */
  pathAnswer: PathAnswer | null = null;
  private names: FilterNames;
  private predicates = new Set<string>();
  private model: RenderModel;
  private urlTimer: ReturnType<typeof setTimeout> | null = null;
  private readonly changeListeners: Array<() => void> = [];
  private suppliesCache: { entity: string; visibility: Visibility; edges: string[] } | null = null;

  constructor(
    readonly data: GraphResponse,
    readonly store: ViewStore,
    container: HTMLElement,
  ) {
    this.graph = buildViewerGraph(data.nodes, data.links);
    this.names = viewerFilterNames(this.graph);
    this.graph.forEachEdge((_e, a) => this.predicates.add(a.predicate));
    applyAppearance(this.graph, store.get().sizeBy);
    performance.mark("kg-graph");
    this.visibility = computeVisibility(this.graph, this.viewFilter(), this.names);
    this.model = this.deriveModel(store.get());
    this.layout = new LayoutController(this.graph);
    this.layout.settleSync();
    performance.mark("kg-layout");
    this.sigma = createRenderer(this.graph, container, () => this.model);
    this.sigma.setSetting("renderEdgeLabels", store.get().edgeLabels);
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

  /** The filter the view applies: the user's, narrowed to the mode's predicates. */
  viewFilter(s: ViewState = this.store.get()): ViewFilter {
    return modeFilter(s.mode, s.filter, this.predicates);
  }

  /** Links a path may use: those passing the user's filters other than relation types (the path kind says those). */
  private pathAllowed(s: ViewState): (edge: string) => boolean {
    const filter = { ...s.filter, predicates: undefined, hops: 1 };
    const passes = compileLinkFilter(filter, this.names);
    const typeOk = compileTypeFilter(filter);
    return (edge) => {
      const [source, target] = this.graph.extremities(edge);
      if (
        typeOk &&
        !(typeOk(this.graph.getNodeAttribute(source, "type")) && typeOk(this.graph.getNodeAttribute(target, "type")))
      )
        return false;
      return passes({ id: edge, source, target, ...this.graph.getEdgeAttributes(edge) });
    };
  }

  /**
   * Visible supply links (supplier → item) whose claims name the entity as recipient or
   * intermediary: in the relations view they are how its suppliers reach it, since a supply link
   * ends at the item and not at the recipient.
   */
  private suppliesTo(entity: string): string[] {
    // a selection or a hover re-derives the model: the answer holds until the focus or the filters change
    const cached = this.suppliesCache;
    if (cached && cached.entity === entity && cached.visibility === this.visibility) return cached.edges;
    const asRecipient = compileLinkFilter({ ...EMPTY_FILTER, recipients: [entity], hops: 1 }, this.names);
    const asVia = compileLinkFilter({ ...EMPTY_FILTER, via: [entity], hops: 1 }, this.names);
    const out: string[] = [];
    for (const edge of this.visibility.edges) {
      const a = this.graph.getEdgeAttributes(edge);
      if (a.predicate !== FLOW_RELATION) continue;
      const [source, target] = this.graph.extremities(edge);
      const link = { id: edge, source, target, ...a };
      if (asRecipient(link) || asVia(link)) out.push(edge);
    }
    this.suppliesCache = { entity, visibility: this.visibility, edges: out };
    return out;
  }

  private deriveModel(s: ViewState): RenderModel {
    let highlight: Visibility | null = null;
    const pathEdges = new Set<string>();
    let drawn = this.visibility;
    this.pathAnswer = null;
    if (s.path) {
      this.pathAnswer = findPath(this.graph, s.path[0], s.path[1], s.pathKind, this.pathAllowed(s));
      const path = this.pathAnswer.path;
      if (path) {
        highlight = { nodes: new Set(path.nodes), edges: new Set(path.edges) };
        for (const e of path.edges) pathEdges.add(e);
        // a path of flows shows in the relations view too: its steps are drawn whatever the mode
        drawn = {
          nodes: new Set([...this.visibility.nodes, ...path.nodes]),
          edges: new Set([...this.visibility.edges, ...path.edges]),
        };
      }
    } else if (s.focus && this.graph.hasNode(s.focus)) {
      const supplied = this.suppliesTo(s.focus);
      if (this.visibility.nodes.has(s.focus) || supplied.length > 0) {
        highlight = neighbourhood(this.graph, this.visibility, s.focus, supplied);
        if (!drawn.nodes.has(s.focus)) drawn = { ...drawn, nodes: new Set([...drawn.nodes, s.focus]) };
      }
    }
    // labels always drawn: a path's every step; around a focus, it and its most connected
    // neighbours (a hub's hundred neighbours, all forced, would be drawn on top of each other)
    let labelled: Set<string>;
    if (highlight && s.path) labelled = highlight.nodes;
    else if (highlight && s.focus)
      labelled = new Set([s.focus, ...keyNodes(this.graph, highlight, keyNodeCount(highlight.nodes.size))]);
    else labelled = keyNodes(this.graph, this.visibility, keyNodeCount(this.visibility.nodes.size));
    const sel = s.selection;
    return {
      visibility: drawn,
      highlight,
      pathEdges,
      keyNodes: labelled,
      selectedNode: sel?.kind === "node" ? sel.id : null,
      selectedEdge: sel?.kind === "link" ? sel.id : null,
    };
  }

  private onState(next: ViewState, prev: ViewState): void {
    if (next.filter !== prev.filter || next.mode !== prev.mode) {
      this.visibility = computeVisibility(this.graph, this.viewFilter(next), this.names);
    }
    if (next.sizeBy !== prev.sizeBy) applyAppearance(this.graph, next.sizeBy);
    if (next.edgeLabels !== prev.edgeLabels) this.sigma.setSetting("renderEdgeLabels", next.edgeLabels);
    this.model = this.deriveModel(next);
    this.sigma.refresh({ skipIndexation: next.sizeBy === prev.sizeBy });
    if (next.focus && next.focus !== prev.focus) this.centreOn(next.focus);
    // the other view's links sit elsewhere in the layout: frame them
    else if (next.mode !== prev.mode) this.fit();
    this.scheduleUrl();
    for (const l of this.changeListeners) l();
  }

  /** Re-applies everything after the graph itself changed (expand, Cypher results). */
  refreshAll(): void {
    // reindex first: sigma repaints attribute updates per item and must know every item
    this.sigma.refresh();
    this.names = viewerFilterNames(this.graph);
    this.graph.forEachEdge((_e, a) => this.predicates.add(a.predicate));
    applyAppearance(this.graph, this.store.get().sizeBy);
    this.visibility = computeVisibility(this.graph, this.viewFilter(), this.names);
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
    const visible = this.model.visibility.edges;
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

  /** Claims behind the visible links, each once. */
  visibleClaimIds(): string[] {
    const ids = new Set<string>();
    for (const e of this.visibility.edges) for (const c of this.graph.getEdgeAttribute(e, "claimIds")) ids.add(c);
    return [...ids];
  }

  /**
   * Links of this mode the year filters leave out only because their sentences state no time
   * (their claims have a report time, the article's date, and no event time).
   */
  reportTimeOnly(): { links: number; claims: number } {
    const s = this.store.get();
    const f = this.viewFilter(s);
    const withoutYears = computeVisibility(this.graph, { ...f, fromYear: undefined, toYear: undefined }, this.names);
    let links = 0;
    let claims = 0;
    for (const e of withoutYears.edges) {
      const a = this.graph.getEdgeAttributes(e);
      if (a.firstYear !== null) continue;
      links++;
      claims += a.claimsWithoutEventTime;
    }
    return { links, claims };
  }

  /**
   * When nothing passes: how many links of this view each narrowing filter lets through alone,
   * so that the view can say which one emptied it.
   */
  filtersAlone(): Array<{ key: keyof ViewFilter; links: number }> {
    const s = this.store.get();
    const out: Array<{ key: keyof ViewFilter; links: number }> = [];
    for (const key of LINK_FILTER_KEYS) {
      const v = s.filter[key];
      const narrows = Array.isArray(v) ? v.length > 0 : v !== undefined && v !== EMPTY_FILTER[key];
      if (!narrows) continue;
      const alone = modeFilter(s.mode, { ...EMPTY_FILTER, [key]: v }, this.predicates);
      out.push({ key, links: computeVisibility(this.graph, alone, this.names).edges.size });
    }
    return out;
  }

  /** Moves the camera to a node (display coordinates are sigma's normalised ones). */
  centreOn(node: string): void {
    // before sigma's first frame display data are raw layout coordinates (an address opened with a focus)
    this.sigma.refresh();
    const d = this.sigma.getNodeDisplayData(node);
    if (!d) return;
    void this.sigma
      .getCamera()
      .animate({ x: d.x, y: d.y, ratio: Math.min(this.sigma.getCamera().ratio, 0.6) }, { duration: 400 });
  }

  /** Frames what is drawn now (the filters' result, the path), not the whole graph. */
  fit(duration = 300): void {
    // display data are normalised when sigma processes the graph: before its first frame they are raw
    this.sigma.refresh();
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    for (const n of this.model.visibility.nodes) {
      const d = this.sigma.getNodeDisplayData(n);
      if (!d) continue;
      minX = Math.min(minX, d.x);
      maxX = Math.max(maxX, d.x);
      minY = Math.min(minY, d.y);
      maxY = Math.max(maxY, d.y);
    }
    const camera = this.sigma.getCamera();
    if (!Number.isFinite(minX)) {
      if (duration <= 0) camera.setState({ x: 0.5, y: 0.5, ratio: 1, angle: 0 });
      else void camera.animatedReset({ duration });
      return;
    }
    // display coordinates span [0, 1] for the whole graph at ratio 1; a margin keeps labels in view
    const ratio = Math.min(1, Math.max(0.08, Math.max(maxX - minX, maxY - minY) * 1.25));
    const target = { x: (minX + maxX) / 2, y: (minY + maxY) / 2, ratio };
    // an animation of no duration divides by zero: set the camera outright
    if (duration <= 0) camera.setState(target);
    else void camera.animate(target, { duration });
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
