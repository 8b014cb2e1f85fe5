import type { App } from "../app.js";
import { api } from "../api/client.js";
import { entityPanel, errorPanel, linkPanel, loadingPanel } from "./details.js";
import { el } from "./dom.js";

/**
 * Shows the selection in the side panel, fetching its claims. A response that arrives after
 * the selection moved on is dropped, so fast clicking never shows the wrong evidence.
 */
export function bindDetails(panel: HTMLElement, app: App, notify: (m: string) => void): () => void {
  let shown = "";
  const body = el("div", { class: "details-body", attrs: { "data-testid": "details" } });
  const close = el("button", {
    class: "close",
    text: "×",
    attrs: { "aria-label": "Close" },
    on: { click: () => app.store.update({ selection: null }) },
  });
  panel.replaceChildren(close, body);
  const name = (id: string) => (app.graph.hasNode(id) ? app.graph.getNodeAttribute(id, "name") : id);

  return () => {
    const sel = app.store.get().selection;
    const key = sel ? `${sel.kind}:${sel.id}` : "";
    if (key === shown) return;
    shown = key;
    panel.hidden = !sel;
    if (!sel) return;
    const stillShown = () => shown === key;
    if (sel.kind === "node") {
      body.replaceChildren(...loadingPanel(name(sel.id)));
      api.entity(sel.id).then(
        (res) => {
          if (!stillShown()) return;
          const onExpand = app.data.meta.neo4j
            ? async () => {
                try {
                  const r = await api.neighbors(sel.id, 1);
                  const added = app.addData(r.nodes, r.links);
                  notify(`${added.nodes} new entities, ${added.links} new links around ${res.entity.name}.`);
                } catch (e) {
                  notify(`Could not load neighbours: ${(e as Error).message}`);
                }
              }
            : null;
          const degree = app.graph.hasNode(sel.id) ? app.graph.degree(sel.id) : null;
          body.replaceChildren(...entityPanel(res, { degree, onExpand }));
        },
        (e: Error) => stillShown() && body.replaceChildren(...errorPanel(name(sel.id), e.message)),
      );
    } else {
      const title = app.graph.hasEdge(sel.id)
        ? `${name(app.graph.source(sel.id))} → ${name(app.graph.target(sel.id))}`
        : sel.id;
      body.replaceChildren(...loadingPanel(title));
      api.evidence(sel.id).then(
        (res) => {
          if (!stillShown()) return;
          const names = { source: name(res.link.source), target: name(res.link.target) };
          body.replaceChildren(...linkPanel(res, names, (id) => app.store.update({ selection: { kind: "node", id } })));
        },
        (e: Error) => stillShown() && body.replaceChildren(...errorPanel(title, e.message)),
      );
    }
  };
}
