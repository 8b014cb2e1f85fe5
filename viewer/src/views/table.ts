import { MAX_CLAIMS_PER_REQUEST, type ClaimWithArticle } from "../../../src/model/api.js";
import { CLAIM_TABLE_COLUMNS, claimTableRow, type ClaimTableRow } from "../../../src/model/claim-table.js";
import { claimFlows } from "../../../src/model/flow.js";
import { linkId } from "../../../src/model/link.js";
import type { App } from "../app.js";
import { api } from "../api/client.js";
import { download, el } from "./dom.js";
import { safeHref } from "./text.js";

/**
 * The claims table under the graph: the claims behind the links shown now, one row each (a claim
 * behind both a supply link and its flow is one row), sortable by any column, one click from
 * the evidence (the row selects its link in the view and the panel scrolls to the claim), and
 * downloadable as CSV (the server writes it, with the same columns and inert spreadsheet cells).
 */
interface Row {
  item: ClaimWithArticle;
  cells: ClaimTableRow;
}

const QUOTE_CHARS = 160;

export function renderClaimsTable(container: HTMLElement, app: App, notify: (m: string) => void): () => void {
  let rows: Row[] = [];
  let total = 0;
  let loadedFor = "";
  let loading: Promise<void> | null = null;
  let sort: { key: keyof ClaimTableRow; ascending: boolean } = { key: "subject", ascending: true };

  const title = el("h2", { attrs: { "data-testid": "table-title" } });
  const note = el("p", { class: "small muted", attrs: { "data-testid": "table-note" } });
  const csv = el("button", {
    class: "button",
    text: "CSV",
    title: "Download these claims as CSV",
    attrs: { "data-testid": "table-csv" },
    on: {
      click: async () => {
        try {
          download(await api.claimsCsv(sorted().map((r) => r.item.claim.id)), "kg-claims.csv");
        } catch (e) {
          notify(`CSV failed: ${(e as Error).message}`);
        }
      },
    },
  });
  const close = el("button", {
    class: "link-button",
    text: "Hide table",
    on: { click: () => app.store.update({ table: false }) },
  });
  const table = el("table", { class: "claims-table", attrs: { "data-testid": "claims-table" } });
  container.replaceChildren(
    el("div", { class: "table-head" }, [title, note, el("div", { class: "button-row" }, [csv, close])]),
    el("div", { class: "table-scroll" }, [table]),
  );

  const columns = () => CLAIM_TABLE_COLUMNS.filter((c) => app.store.get().mode === "relations" || c.key !== "relation");

  function sorted(): Row[] {
    const { key, ascending } = sort;
    const dir = ascending ? 1 : -1;
    // empty cells last whichever the direction: a missing time is not the earliest one
    return [...rows].sort((a, b) => {
      const x = a.cells[key];
      const y = b.cells[key];
      if (x === "" || y === "") return x === y ? 0 : x === "" ? 1 : -1;
      return dir * x.localeCompare(y, undefined, { numeric: true }) || (a.cells.claim < b.cells.claim ? -1 : 1);
    });
  }

  /** The link a row's claim is evidence for in the current view: its flow in the flows view. */
  function linkOf(c: ClaimWithArticle["claim"]): string {
    const relation = linkId(c.subjectId, c.predicate, c.objectId);
    if (app.store.get().mode !== "flows") return relation;
    const { flow, legs } = claimFlows(c);
    const candidates = [flow?.id, ...legs.map((l) => l.id), relation].filter((x): x is string => Boolean(x));
    return candidates.find((id) => app.visibility.edges.has(id)) ?? candidates[0]!;
  }

  function cell(row: Row, key: keyof ClaimTableRow): HTMLElement {
    const v = row.cells[key];
    if (key === "article") {
      const href = safeHref(row.cells.url);
      const text = row.cells.title || v;
      return el("td", { class: "article" }, [
        href ? el("a", { text, attrs: { href, target: "_blank", rel: "noopener noreferrer nofollow" } }) : text,
      ]);
    }
    if (key === "quote") {
      const short = v.length > QUOTE_CHARS ? `${v.slice(0, QUOTE_CHARS - 1)}…` : v;
      return el("td", { class: "quote-cell", text: short, title: v });
    }
    return el("td", { class: key === "stance" ? `stance stance-${v}` : "", text: v });
  }

  function draw(): void {
    const cols = columns();
    const flows = app.store.get().mode === "flows";
    const head = el(
      "tr",
      {},
      cols.map((c) => {
        const active = sort.key === c.key;
        return el("th", {
          text: `${flows ? (c.flowsTitle ?? c.title) : c.title}${active ? (sort.ascending ? " ▲" : " ▼") : ""}`,
          attrs: { "data-key": c.key, "aria-sort": active ? (sort.ascending ? "ascending" : "descending") : "none" },
          on: {
            click: () => {
              sort = { key: c.key, ascending: active ? !sort.ascending : true };
              draw();
            },
          },
        });
      }),
    );
    const body = sorted().map((row) =>
      el(
        "tr",
        {
          class: row.item.claim.negated ? "denied" : "",
          attrs: { "data-claim": row.item.claim.id, title: "Show the evidence" },
          on: {
            click: () =>
              app.store.update({ selection: { kind: "link", id: linkOf(row.item.claim), claim: row.item.claim.id } }),
          },
        },
        cols.map((c) => cell(row, c.key)),
      ),
    );
    table.replaceChildren(el("thead", {}, [head]), el("tbody", {}, body));
    title.textContent = `Claims (${rows.length})`;
    note.textContent =
      total > rows.length
        ? `The first ${rows.length} of ${total} claims behind the links shown; narrow the filters to see the rest.`
        : `The claims behind the ${app.visibility.edges.size} links shown, each once. Click a row for its evidence.`;
  }

  async function load(ids: string[], key: string): Promise<void> {
    const wanted = ids.slice(0, MAX_CLAIMS_PER_REQUEST);
    title.textContent = "Claims (loading…)";
    const res = await api.claims(wanted);
    // answers can arrive out of order when the filters change quickly: only the view's own counts
    if (key !== loadedFor) return;
    total = ids.length;
    rows = res.claims.map((item) => ({ item, cells: claimTableRow(item) }));
    draw();
  }

  return () => {
    const open = app.store.get().table;
    container.hidden = !open;
    if (!open) return;
    const ids = app.visibleClaimIds().sort();
    const key = `${app.store.get().mode}:${ids.length}:${ids.join(",")}`;
    if (key === loadedFor) {
      // the mode's headers may have changed without the claims changing
      if (!loading) draw();
      return;
    }
    loadedFor = key;
    const current = load(ids, key)
      .catch((e: Error) => {
        if (key === loadedFor) notify(`Could not load the claims: ${e.message}`);
      })
      .finally(() => {
        if (loading === current) loading = null;
      });
    loading = current;
  };
}
