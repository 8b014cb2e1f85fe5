import { toBlob } from "@sigma/export-image";
import type Sigma from "sigma";
import type { App } from "../app.js";
import { api, apiFetch, ApiRequestError } from "../api/client.js";
import { toGexf, toJson } from "../export/export.js";
import { filterToParams } from "../state/url.js";
import { createAutocomplete } from "./autocomplete.js";
import { download, el } from "./dom.js";

/** Path finder: two entity boxes; the path is part of the view state (and the URL). */
export function renderPathPanel(container: HTMLElement, app: App): () => void {
  let from: string | null = app.store.get().path?.[0] ?? null;
  let to: string | null = app.store.get().path?.[1] ?? null;
  const mk = (which: "from" | "to") =>
    createAutocomplete({
      placeholder: which === "from" ? "From entity…" : "To entity…",
      label: `path ${which}`,
      testId: `path-${which}`,
      search: (q) => app.search(q),
      onPick: (hit) => {
        if (which === "from") from = hit.id;
        else to = hit.id;
        if (from && to) app.store.update({ path: [from, to], focus: null });
      },
    });
  const a = mk("from");
  const b = mk("to");
  const result = el("p", { class: "small", attrs: { "data-testid": "path-result", "aria-live": "polite" } });
  const clearButton = el("button", {
    class: "link-button",
    text: "Clear path",
    on: {
      click: () => {
        from = to = null;
        a.setText("");
        b.setText("");
        app.store.update({ path: null });
      },
    },
  });
  container.replaceChildren(a.element, b.element, result, clearButton);
  return () => {
    const p = app.store.get().path;
    const name = (id: string) => (app.graph.hasNode(id) ? app.graph.getNodeAttribute(id, "name") : id);
    if (p) {
      [from, to] = p;
      a.setText(name(p[0]));
      b.setText(name(p[1]));
    }
    if (!p) result.textContent = "Pick two entities to see the shortest chain of visible links between them.";
    else if (!app.path) result.textContent = "No path between them over the visible links.";
    else
      result.textContent = `${app.path.edges.length} step${app.path.edges.length === 1 ? "" : "s"}: ${app.path.nodes.map(name).join(" — ")}`;
    clearButton.hidden = !p;
  };
}

/** Exports of what is visible now. */
export function renderExportPanel(container: HTMLElement, app: App, notify: (m: string) => void): void {
  const button = (text: string, testId: string, run: () => Promise<void> | void) =>
    el("button", {
      class: "button",
      text,
      attrs: { "data-testid": testId },
      on: {
        click: async () => {
          try {
            await run();
          } catch (e) {
            notify(`Export failed: ${(e as Error).message}`);
          }
        },
      },
    });
  container.replaceChildren(
    el("div", { class: "button-row" }, [
      button("GEXF", "export-gexf", () =>
        download(new Blob([toGexf(app.visibleGraph())], { type: "application/xml" }), "kg-view.gexf"),
      ),
      button("GraphML", "export-graphml", async () => {
        const url = api.exportUrl("graphml", filterToParams(app.store.get().filter));
        const res = await apiFetch(url);
        if (!res.ok) throw new ApiRequestError(res.status, `GraphML export: HTTP ${res.status}`);
        download(await res.blob(), "kg-view.graphml");
      }),
      button("JSON", "export-json", () =>
        download(new Blob([toJson(app.visibleGraph())], { type: "application/json" }), "kg-view.json"),
      ),
      button("PNG", "export-png", async () =>
        download(
          await toBlob(app.sigma as unknown as Sigma, { format: "png", backgroundColor: "#ffffff" }),
          "kg-view.png",
        ),
      ),
    ]),
    el("p", { class: "muted small", text: "Exports hold the entities and links visible now." }),
  );
}

/** Neo4j tools, shown only when the server has Neo4j: a read-only Cypher box. */
export function renderCypherPanel(container: HTMLElement, app: App, notify: (m: string) => void): void {
  const box = el("textarea", {
    class: "cypher",
    attrs: { rows: "4", spellcheck: "false", "aria-label": "Cypher query", "data-testid": "cypher" },
  });
  box.value = "MATCH (a)-[r:SUPPLIES]->(b) RETURN a, r, b LIMIT 50";
  const status = el("p", { class: "small", attrs: { "data-testid": "cypher-status", "aria-live": "polite" } });
  const run = el("button", {
    class: "button",
    text: "Run (read-only)",
    attrs: { "data-testid": "cypher-run" },
    on: {
      click: async () => {
        status.textContent = "Running…";
        try {
          const res = await api.query(box.value);
          const links = res.links.map((l) => ({
            claims: 0,
            claimIds: [],
            sources: [],
            sourceCount: 0,
            articles: [],
            recipients: [],
            via: [],
            firstYear: null,
            lastYear: null,
            negatedClaims: 0,
            negated: false,
            contested: false,
            confidence: 0,
            ...l,
          }));
          const added = app.addData(res.nodes, links);
          status.textContent = `${res.rows.length} row${res.rows.length === 1 ? "" : "s"}${res.truncated ? " (truncated)" : ""}; ${added.nodes} new entities, ${added.links} new links drawn.`;
        } catch (e) {
          status.textContent = "";
          notify(`Query failed: ${(e as Error).message}`);
        }
      },
    },
  });
  container.replaceChildren(box, el("div", { class: "button-row" }, [run]), status);
}
