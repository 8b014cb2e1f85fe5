import "./style.css";
import { adoptTokenFromAddress, api } from "./api/client.js";
import { App } from "./app.js";
import { computeFacets } from "./graph/facets.js";
import { SYNC_LAYOUT_MAX_NODES } from "./graph/layout.js";
import { drawsArrows } from "./render/renderer.js";
import { ViewStore } from "./state/store.js";
import { queryToView } from "./state/url.js";
import { createAutocomplete } from "./views/autocomplete.js";
import { bindDetails } from "./views/details-controller.js";
import { el } from "./views/dom.js";
import { renderFilters } from "./views/filters.js";
import { renderLegend } from "./views/legend.js";
import { renderCypherPanel, renderExportPanel, renderPathPanel } from "./views/panels.js";

/** Test and benchmark hook: read-only access to the running app. */
declare global {
  interface Window {
    __kg?: { app: App; ready: true };
    __kgError?: string;
  }
}

const $ = (id: string) => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`index.html lacks #${id}`);
  return node;
};

function notifier(): (message: string) => void {
  const toast = $("toast");
  let timer: ReturnType<typeof setTimeout> | null = null;
  return (message) => {
    toast.textContent = message;
    toast.hidden = false;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => (toast.hidden = true), 6000);
  };
}

async function start(): Promise<void> {
  const notify = notifier();
  adoptTokenFromAddress();
  const { view, warnings } = queryToView(location.search);
  if (warnings.length > 0) notify(`Ignored in the link: ${warnings.join("; ")}`);
  const data = await api.graph();
  performance.mark("kg-data");
  const store = new ViewStore(view);
  const app = new App(data, store, $("graph"));
  // read by scripts/bench-viewer.ts: the first frame is on screen after this animation frame
  requestAnimationFrame(() => performance.mark("kg-first-frame"));
  const facets = computeFacets(app.graph);

  const search = createAutocomplete({
    placeholder: "Search entities and aliases…",
    label: "search entities",
    testId: "search",
    search: (q) => app.search(q),
    onPick: (hit) => store.update({ focus: hit.id, path: null, selection: { kind: "node", id: hit.id } }),
  });
  $("search").replaceChildren(search.element);

  const counts = $("counts");
  const layoutButton = el("button", {
    class: "button",
    attrs: { "data-testid": "layout" },
    on: { click: () => (app.layout.status === "running" ? app.layout.stop() : app.layout.start()) },
  });
  const showLayout = () => (layoutButton.textContent = app.layout.status === "running" ? "Stop layout" : "Run layout");
  app.layout.onChange(showLayout);
  const fitButton = el("button", {
    class: "button",
    text: "Fit",
    title: "Show the whole graph",
    attrs: { "data-testid": "fit" },
    on: { click: () => void app.sigma.getCamera().animatedReset({ duration: 300 }) },
  });
  $("layout").replaceChildren(fitButton, layoutButton);

  const syncFilters = renderFilters($("filters"), facets, store);
  const syncLegend = renderLegend($("legend"), facets, store, drawsArrows(app.graph.size));
  const syncPath = renderPathPanel($("path"), app);
  const syncDetails = bindDetails($("details"), app, notify);
  renderExportPanel($("export"), app, notify);
  const neo4j = $("neo4j-section");
  neo4j.hidden = !data.meta.neo4j;
  if (data.meta.neo4j) renderCypherPanel($("cypher-panel"), app, notify);
  $("meta").textContent =
    `${data.meta.articles} articles · ${data.meta.claims} claims · ${data.meta.backend === "neo4j" ? "Neo4j" : "embedded store"}`;

  const sync = () => {
    const total = { nodes: app.graph.order, links: app.graph.size };
    const shown = { nodes: app.visibility.nodes.size, links: app.visibility.edges.size };
    counts.replaceChildren(
      el("span", { attrs: { "data-testid": "count-nodes" }, text: String(shown.nodes) }),
      ` of ${total.nodes} entities · `,
      el("span", { attrs: { "data-testid": "count-links" }, text: String(shown.links) }),
      ` of ${total.links} links`,
    );
    syncFilters();
    syncLegend();
    syncPath();
    syncDetails();
    showLayout();
  };
  app.onChange(sync);
  sync();
  if (view.focus) app.centreOn(view.focus);
  if (app.graph.order === 0) notify("The graph is empty: ingest articles with kg ingest, then reload.");
  // small graphs were laid out synchronously (reproducibly) when the app was built
  if (app.graph.order > SYNC_LAYOUT_MAX_NODES) app.layout.start();
  window.__kg = { app, ready: true };
}

start().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  window.__kgError = message;
  const box = document.getElementById("graph");
  box?.replaceChildren(el("p", { class: "error big", text: `Could not load the graph: ${message}` }));
  console.error(e);
});
