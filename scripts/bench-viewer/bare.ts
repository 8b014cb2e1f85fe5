import { MultiGraph } from "graphology";
import fa2Module from "graphology-layout-forceatlas2";
import fa2WorkerModule from "graphology-layout-forceatlas2/worker.js";
import Sigma from "sigma";
import type { GraphResponse } from "../../src/model/api.js";

/**
 * The baseline of the viewer benchmark: the same graph drawn by sigma with its defaults and
 * nothing around it (no validation, filters, reducers, panels), on a canvas of the same size as
 * the viewer's.
 */
function cjsDefault<T>(m: { default: T }): T {
  return (typeof m === "object" && m !== null && "default" in m ? m.default : m) as T;
}
const forceAtlas2 = cjsDefault(fa2Module);
const FA2LayoutSupervisor = cjsDefault(fa2WorkerModule);

declare global {
  interface Window {
    __bare?: { sigma: Sigma; runLayout: (ms: number) => Promise<number> };
  }
}

const COLOURS = ["#2f6db5", "#8e44ad", "#c0392b", "#16a085", "#b7950b", "#7f8c8d", "#d35400", "#2c3e50"];

async function main() {
  const data = (await (await fetch("graph.json")).json()) as GraphResponse;
  const graph = new MultiGraph();
  data.nodes.forEach((n, i) => {
    graph.addNode(n.id, {
      label: n.name,
      x: Math.random(),
      y: Math.random(),
      size: 3 + Math.sqrt(n.degree),
      color: COLOURS[i % COLOURS.length],
    });
  });
  for (const l of data.links) graph.addEdgeWithKey(l.id, l.source, l.target, { size: l.sourceCount });
  const sigma = new Sigma(graph, document.getElementById("graph")!);
  requestAnimationFrame(() => performance.mark("kg-first-frame"));
  const runLayout = (ms: number) =>
    new Promise<number>((resolve) => {
      const layout = new FA2LayoutSupervisor(graph, { settings: forceAtlas2.inferSettings(graph) });
      let iterations = 0;
      const count = () => iterations++;
      graph.on("eachNodeAttributesUpdated", count);
      layout.start();
      setTimeout(() => {
        layout.kill();
        graph.off("eachNodeAttributesUpdated", count);
        resolve(iterations);
      }, ms);
    });
  window.__bare = { sigma, runLayout };
}

void main();
