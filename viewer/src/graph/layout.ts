import fa2Module from "graphology-layout-forceatlas2";
import fa2WorkerModule from "graphology-layout-forceatlas2/worker.js";
import noverlapModule from "graphology-layout-noverlap";
import type { ViewerGraph } from "./types.js";

/**
 * These packages are CommonJS with `export default` typings: TypeScript (NodeNext) sees the
 * value under `.default`, while the bundler hands over module.exports itself.
 */
function cjsDefault<T>(m: { default: T }): T {
  return (typeof m === "object" && m !== null && "default" in m ? m.default : m) as T;
}
const FA2LayoutSupervisor = cjsDefault(fa2WorkerModule);
const forceAtlas2 = cjsDefault(fa2Module);
const noverlap = cjsDefault(noverlapModule);

export type LayoutStatus = "running" | "stopped";

/**
 * ForceAtlas2 in a web worker, stopped automatically after a time that grows with the graph,
 * then one noverlap pass so that labels of close nodes do not sit on each other. Positions stay
 * on the graph, so filtering (which only hides) never moves anything.
 */
export class LayoutController {
  private readonly supervisor: InstanceType<typeof FA2LayoutSupervisor>;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private listeners: Array<(s: LayoutStatus) => void> = [];
  /** worker iterations applied to the graph since creation (read by the benchmark) */
  iterations = 0;

  constructor(private readonly graph: ViewerGraph) {
    this.supervisor = new FA2LayoutSupervisor(graph, { settings: this.settings(), getEdgeWeight: "sourceCount" });
    // each worker iteration ends with one bulk position update of the graph
    graph.on("eachNodeAttributesUpdated", this.countIteration);
  }

  private readonly countIteration = () => {
    if (this.supervisor.isRunning()) this.iterations++;
  };

  private settings() {
    return { ...forceAtlas2.inferSettings(this.graph), adjustSizes: false };
  }

  /**
   * A deterministic layout on the main thread, for small graphs: the same data gives the same
   * positions, so a camera position in a shared URL shows the same place. Returns false when the
   * graph is too big for that (then the worker lays it out).
   */
  settleSync(maxOrder = SYNC_LAYOUT_MAX_NODES): boolean {
    if (this.graph.order === 0 || this.graph.order > maxOrder) return false;
    // about 100k node-iterations: well under a second on a slow machine
    const iterations = Math.max(100, Math.min(500, Math.round(100_000 / this.graph.order)));
    forceAtlas2.assign(this.graph, { iterations, settings: this.settings(), getEdgeWeight: "sourceCount" });
    this.removeOverlaps(100);
    return true;
  }

  /**
   * Node sizes are screen pixels, positions are layout units: noverlap gets sizes converted to
   * layout units as if the whole graph filled about 1000 pixels, i.e. the default zoom.
   */
  private removeOverlaps(maxIterations: number): void {
    if (this.graph.order < 2 || this.graph.order > NOVERLAP_MAX_NODES) return;
    let minX = Infinity;
    let maxX = -Infinity;
    let minY = Infinity;
    let maxY = -Infinity;
    this.graph.forEachNode((_n, a) => {
      minX = Math.min(minX, a.x);
      maxX = Math.max(maxX, a.x);
      minY = Math.min(minY, a.y);
      maxY = Math.max(maxY, a.y);
    });
    const extent = Math.max(maxX - minX, maxY - minY);
    if (!(extent > 0) || !Number.isFinite(extent)) return;
    const scale = extent / 1000;
    noverlap.assign(this.graph, {
      maxIterations,
      settings: { ratio: 1.3, margin: 2 * scale },
      inputReducer: (_key, a) => ({ x: a.x, y: a.y, size: (a.size ?? 4) * scale }),
      outputReducer: (_key, a) => ({ x: a.x, y: a.y }),
    });
  }

  onChange(listener: (s: LayoutStatus) => void): void {
    this.listeners.push(listener);
  }

  get status(): LayoutStatus {
    return this.supervisor.isRunning() ? "running" : "stopped";
  }

  /** Runs for `ms` (default: from the graph's size), then stops and removes overlaps. */
  start(ms = defaultDuration(this.graph.order)): void {
    if (this.graph.order === 0) return;
    this.supervisor.start();
    if (this.timer) clearTimeout(this.timer);
    this.timer = ms === Infinity ? null : setTimeout(() => this.stop(), ms);
    this.emit();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (!this.supervisor.isRunning()) return;
    this.supervisor.stop();
    this.removeOverlaps(60);
    this.emit();
  }

  kill(): void {
    if (this.timer) clearTimeout(this.timer);
    this.graph.off("eachNodeAttributesUpdated", this.countIteration);
    this.supervisor.kill();
  }

  private emit(): void {
    for (const l of this.listeners) l(this.status);
  }
}

/** noverlap runs on the main thread: beyond this size it would freeze the page for seconds. */
export const NOVERLAP_MAX_NODES = 5000;

/** Above this, the first layout runs in the worker (and is not reproducible exactly). */
export const SYNC_LAYOUT_MAX_NODES = 500;

/** Small graphs settle in a couple of seconds; big ones get longer, within reason. */
export function defaultDuration(order: number): number {
  return Math.min(2000 + order * 2, 20_000);
}
