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

  /** The claim asked for (from the table or a sentence), scrolled to and marked. */
  const showClaim = (claim: string | undefined) => {
    if (!claim) return;
    const card = [...body.querySelectorAll<HTMLElement>("[data-claims]")].find((c) =>
      (c.dataset.claims ?? "").split(" ").includes(claim),
    );
    if (!card) return;
    card.classList.add("focused");
    card.scrollIntoView({ block: "nearest" });
  };

  return () => {
    const sel = app.store.get().selection;
    const key = sel ? `${sel.kind}:${sel.id}:${sel.kind === "link" ? (sel.claim ?? "") : ""}` : "";
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
          // the store answers too: neighbours hidden by the filters or not loaded yet are shown around it
          const onExpand = async () => {
            try {
              const r = await api.neighbors(sel.id, 1);
              const added = app.addData(r.nodes, r.links);
              app.store.update({ focus: sel.id });
              notify(
                `${r.nodes.length - 1} neighbours of ${res.entity.name} highlighted` +
                  (added.nodes + added.links > 0 ? ` (${added.nodes} new entities, ${added.links} new links).` : "."),
              );
            } catch (e) {
              notify(`Could not load neighbours: ${(e as Error).message}`);
            }
          };
          const onRole = (role: string) => {
            const group = body.querySelector<HTMLDetailsElement>(`details[data-role="${role}"]`);
            if (!group) return;
            group.open = true;
            group.scrollIntoView({ block: "start" });
          };
          const degree = app.graph.hasNode(sel.id) ? app.graph.degree(sel.id) : null;
          body.replaceChildren(...entityPanel(res, { degree, onExpand, onRole, nameOf: name }));
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
          showClaim(sel.claim);
        },
        (e: Error) => stillShown() && body.replaceChildren(...errorPanel(title, e.message)),
      );
    }
  };
}
