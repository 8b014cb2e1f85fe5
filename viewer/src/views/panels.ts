import { toBlob } from "@sigma/export-image";
import type Sigma from "sigma";
import { emptyLinkAggregate } from "../../../src/model/link.js";
import type { App } from "../app.js";
import { api, apiFetch, ApiRequestError } from "../api/client.js";
import { toGexf, toJson } from "../export/export.js";
import { filterToParams } from "../state/url.js";
import { predicateLabel } from "../graph/appearance.js";
import { PATH_KINDS } from "../graph/path.js";
import type { PathKind } from "../state/view-state.js";
import { bySentence } from "./claim-groups.js";
import { createAutocomplete } from "./autocomplete.js";
import { download, el } from "./dom.js";

/**
 * Path finder: two entity boxes and the kind of path. The path is directed and typed (path.ts);
 * its hops list the claims behind them, and "no path" says what was searched and what else exists.
 */
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
  const kind = el(
    "select",
    {
      attrs: { "aria-label": "path follows", "data-testid": "path-kind" },
      on: { change: () => app.store.update({ pathKind: kind.value as PathKind }) },
    },
    (Object.keys(PATH_KINDS) as PathKind[]).map((k) =>
      el("option", { text: PATH_KINDS[k].label, attrs: { value: k } }),
    ),
  );
  const result = el("p", { class: "small", attrs: { "data-testid": "path-result", "aria-live": "polite" } });
  const hops = el("ol", { class: "hops", attrs: { "data-testid": "path-hops" } });
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
  container.replaceChildren(
    a.element,
    b.element,
    el("label", { class: "row select-row" }, [el("span", { text: "Following" }), kind]),
    result,
    hops,
    clearButton,
  );
  const name = (id: string) => (app.graph.hasNode(id) ? app.graph.getNodeAttribute(id, "name") : id);
  let shownHops = "";

  /** One hop: the link (a click shows its evidence) and the first claims that affirm it. */
  const hopItem = (edge: string) => {
    const attrs = app.graph.getEdgeAttributes(edge);
    const [s, t] = app.graph.extremities(edge);
    const evidence = el("div", { class: "hop-evidence small" }, [
      el("span", { class: "muted", text: "Loading claims…" }),
    ]);
    api.evidence(edge).then(
      (ev) => {
        const affirming = ev.claims.filter((c) => !c.claim.negated);
        // a sentence naming five items is five claims: quote sentences, not claims
        const sentences = bySentence(affirming);
        const shown = sentences.slice(0, 2);
        evidence.replaceChildren(
          ...shown.map((card) =>
            el("blockquote", {
              class: "quote small",
              text: card.claims[0]!.claim.evidence.quote,
              attrs: { "data-testid": "hop-quote" },
            }),
          ),
          el("span", {
            class: "muted",
            text:
              `${affirming.length} affirming claim${affirming.length === 1 ? "" : "s"}` +
              (sentences.length > shown.length
                ? ` in ${sentences.length} sentences (${shown.length} shown; click the hop for all)`
                : ""),
          }),
        );
      },
      (e: Error) => evidence.replaceChildren(el("span", { class: "error", text: e.message })),
    );
    const items = attrs.items.length > 0 ? ` · ${attrs.items.join(", ")}` : "";
    return el("li", { attrs: { "data-edge": edge } }, [
      el("button", {
        class: "link-button",
        text: `${name(s)} → ${name(t)} · ${predicateLabel(attrs.predicate)}${items} · ${attrs.sourceCount} source${attrs.sourceCount === 1 ? "" : "s"}`,
        on: { click: () => app.store.update({ selection: { kind: "link", id: edge } }) },
      }),
      evidence,
    ]);
  };

  return () => {
    const s = app.store.get();
    const p = s.path;
    kind.value = s.pathKind;
    if (p) {
      [from, to] = p;
      a.setText(name(p[0]));
      b.setText(name(p[1]));
    }
    const answer = app.pathAnswer;
    const reading = PATH_KINDS[s.pathKind].reading;
    if (!p)
      result.textContent = "Pick two entities: the path follows the links' direction, from the first to the second.";
    else if (!answer?.path) {
      const also = [
        answer?.reverse ? `There is one the other way, from ${name(p[1])} to ${name(p[0])}.` : "",
        ...(answer?.otherKinds ?? []).map((k) => `Following ${PATH_KINDS[k].label} there is one.`),
      ].filter(Boolean);
      result.textContent =
        `No path from ${name(p[0])} to ${name(p[1])} following ${reading}, in their direction, ` +
        `over links some source affirms and the filters keep. ${also.join(" ")}`.trim();
    } else {
      const path = answer.path;
      result.textContent = `${path.edges.length} step${path.edges.length === 1 ? "" : "s"}: ${path.nodes.map(name).join(" → ")}`;
    }
    const key = answer?.path ? answer.path.edges.join(",") : "";
    if (key !== shownHops) {
      shownHops = key;
      hops.replaceChildren(...(answer?.path?.edges ?? []).map(hopItem));
    }
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
        const url = api.exportUrl("graphml", filterToParams(app.viewFilter()));
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
          const links = res.links.map((l) => ({ ...emptyLinkAggregate(), ...l }));
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
