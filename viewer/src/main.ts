import "./style.css";
import { COUNT_DEFINITIONS, linkKind } from "../../src/model/counts.js";
import type { SentenceHit } from "../../src/model/api.js";
import { adoptTokenFromAddress, api } from "./api/client.js";
import { App } from "./app.js";
import { computeFacets } from "./graph/facets.js";
import { SYNC_LAYOUT_MAX_NODES } from "./graph/layout.js";
import { MODES } from "./graph/modes.js";
import { drawsArrows } from "./render/renderer.js";
import { ViewStore } from "./state/store.js";
import { queryToView } from "./state/url.js";
import type { Mode } from "./state/view-state.js";
import { createAutocomplete } from "./views/autocomplete.js";
import { bindDetails } from "./views/details-controller.js";
import { el } from "./views/dom.js";
import { renderFilters } from "./views/filters.js";
import { renderLegend } from "./views/legend.js";
import { renderCypherPanel, renderExportPanel, renderPathPanel } from "./views/panels.js";
import { renderClaimsTable } from "./views/table.js";

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

const plural = (n: number, [one, many]: readonly [string, string]) => `${n} ${n === 1 ? one : many}`;

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

  /** A sentence found by the search: its link in this view (the flow in the flows view), and the claim in the panel. */
  const showSentence = (hit: SentenceHit) => {
    const flows = store.get().mode === "flows" && hit.flowId && app.graph.hasEdge(hit.flowId);
    store.update({ selection: { kind: "link", id: flows ? hit.flowId! : hit.linkId, claim: hit.claim } });
  };
  const search = createAutocomplete({
    placeholder: "Search entities, aliases and sentences…",
    label: "search entities and sentences",
    testId: "search",
    search: (q) => app.search(q),
    onPick: (hit) => store.update({ focus: hit.id, path: null, selection: { kind: "node", id: hit.id } }),
    sentences: async (q) => (await api.sentences(q)).sentences ?? [],
    onPickSentence: showSentence,
  });
  $("search").replaceChildren(search.element);

  const modeButton = (mode: Mode) =>
    el("button", {
      class: "toggle",
      text: MODES[mode].label,
      attrs: { "data-testid": `mode-${mode}`, "aria-pressed": "false" },
      on: { click: () => store.update({ mode, selection: null }) },
    });
  const modeButtons = { relations: modeButton("relations"), flows: modeButton("flows") };
  $("mode").replaceChildren(modeButtons.relations, modeButtons.flows);

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
    title: "Frame what the filters show",
    attrs: { "data-testid": "fit" },
    on: { click: () => app.fit() },
  });
  const labelsBox = el("input", {
    attrs: { type: "checkbox", "data-testid": "edge-labels" },
    on: { change: () => store.update({ edgeLabels: labelsBox.checked }) },
  });
  const tableButton = el("button", {
    class: "button",
    text: "Table",
    title: "The claims behind the links shown",
    attrs: { "data-testid": "table-toggle", "aria-pressed": "false" },
    on: { click: () => store.update({ table: !store.get().table }) },
  });
  $("layout").replaceChildren(
    el("label", { class: "check topbar-check", title: "Items on flows, the relation on other links" }, [
      labelsBox,
      el("span", { text: "Labels" }),
    ]),
    tableButton,
    fitButton,
    layoutButton,
  );

  const syncFilters = renderFilters($("filters"), facets, store, () => app.reportTimeOnly());
  const syncLegend = renderLegend($("legend"), facets, store, drawsArrows(app.graph.size));
  const syncPath = renderPathPanel($("path"), app);
  const syncDetails = bindDetails($("details"), app, notify);
  const syncTable = renderClaimsTable($("table"), app, notify);
  renderExportPanel($("export"), app, notify);
  const neo4j = $("neo4j-section");
  neo4j.hidden = !data.meta.neo4j;
  if (data.meta.neo4j) renderCypherPanel($("cypher-panel"), app, notify);

  // the store's counts, named as `kg stats` names them
  const byKind = { relationLinks: 0, flows: 0, routeLegs: 0 };
  app.graph.forEachEdge((_e, a) => byKind[linkKind(a.predicate)]++);
  const meta = $("meta");
  meta.textContent =
    `${data.meta.articles} articles · ${data.meta.entities} entities (${app.graph.order} on links) · ` +
    `${data.meta.claims} claims · ${app.graph.size} links (${byKind.relationLinks} relation links, ` +
    `${byKind.flows} supply flows, ${byKind.routeLegs} route legs) · ` +
    `${data.meta.backend === "neo4j" ? "Neo4j" : "embedded store"}`;
  meta.title = [COUNT_DEFINITIONS.entities, COUNT_DEFINITIONS.linkedEntities, COUNT_DEFINITIONS.links].join("\n");

  const empty = $("empty");
  const filterNames: Record<string, string> = {
    predicates: "relations",
    types: "entity types",
    sources: "said by",
    recipients: "recipient",
    via: "through",
    items: "item",
    supplierCountries: "supplier country",
    fromYear: "from year",
    toYear: "to year",
    minSources: "minimum sources",
    hideNegated: "hide denied",
    hideContested: "hide contested",
  };
  /** A view the filters emptied says so, and what each filter lets through on its own. */
  const syncEmpty = () => {
    const nothing = app.graph.order > 0 && app.visibility.edges.size === 0;
    empty.hidden = !nothing;
    if (!nothing) return;
    const alone = app.filtersAlone().map((f) => `${filterNames[f.key] ?? f.key}: ${f.links}`);
    empty.textContent =
      `No ${MODES[store.get().mode].linkNoun[0]} passes these filters.` +
      (alone.length > 0 ? ` Links each filter lets through on its own — ${alone.join("; ")}.` : "") +
      " Reset or loosen a filter to see the graph.";
  };

  let tableOpen = store.get().table;
  const sync = () => {
    const s = store.get();
    const mode = MODES[s.mode];
    const ofMode = app.graph.filterEdges((_e, a) => mode.has(a.predicate)).length;
    const shown = { nodes: app.visibility.nodes.size, links: app.visibility.edges.size };
    counts.replaceChildren(
      el("span", { attrs: { "data-testid": "count-nodes" }, text: String(shown.nodes) }),
      el("span", {
        class: "unit",
        text: ` of ${app.graph.order} entities on links`,
        title: COUNT_DEFINITIONS.linkedEntities,
      }),
      " · ",
      el("span", { attrs: { "data-testid": "count-links" }, text: String(shown.links) }),
      el("span", {
        class: "unit",
        attrs: { "data-testid": "count-links-unit" },
        text: ` of ${plural(ofMode, mode.linkNoun)}`,
        title:
          s.mode === "flows"
            ? `${COUNT_DEFINITIONS.flows}\n${COUNT_DEFINITIONS.routeLegs}`
            : COUNT_DEFINITIONS.relationLinks,
      }),
      " · ",
      el("span", { attrs: { "data-testid": "count-claims" }, text: String(app.visibleClaimIds().length) }),
      el("span", { class: "unit", text: " claims behind them", title: COUNT_DEFINITIONS.claims }),
    );
    for (const [m, b] of Object.entries(modeButtons)) b.setAttribute("aria-pressed", String(m === s.mode));
    labelsBox.checked = s.edgeLabels;
    tableButton.setAttribute("aria-pressed", String(s.table));
    syncFilters();
    syncLegend();
    syncPath();
    syncDetails();
    syncTable();
    syncEmpty();
    if (s.table !== tableOpen) {
      tableOpen = s.table;
      // the graph's box changed size: sigma draws into the new one
      app.sigma.resize();
      app.sigma.refresh();
    }
    showLayout();
  };
  app.onChange(sync);
  sync();
  if (view.focus) app.centreOn(view.focus);
  else if (!view.camera && view.mode === "flows") app.fit(0);
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
