import { COUNT_DEFINITIONS } from "../../../src/model/counts.js";
import { predicateColour, predicateLabel, typeColour } from "../graph/appearance.js";
import type { Facets } from "../graph/facets.js";
import { MODES } from "../graph/modes.js";
import type { ViewStore } from "../state/store.js";
import type { ViewFilter } from "../state/view-state.js";
import { el, swatch } from "./dom.js";

/**
 * The filter panel. Checkbox groups mean "show these"; all boxes ticked is no filter at all, so
 * a new predicate appearing after an expand is not hidden by a stale list. Counts next to
 * relations are links (their claims in the tooltip), as the group's title says.
 */
const MAX_LISTED = 200;

type SupplyKey = "recipients" | "supplierCountries" | "via" | "items";

export function renderFilters(
  container: HTMLElement,
  facets: Facets,
  store: ViewStore,
  reportTimeOnly: () => { links: number; claims: number },
): () => void {
  const setFilter = (patch: Partial<ViewFilter>) => store.update({ filter: { ...store.get().filter, ...patch } });

  const group = (
    title: string,
    key: "predicates" | "types" | "sources",
    values: Map<string, number>,
    colour: ((v: string) => string) | null,
    emptyMeansAll: boolean,
    tooltip: (value: string, count: number) => string = () => "",
  ) => {
    const boxes = new Map<string, HTMLInputElement>();
    const onChange = (e: Event) => {
      let ticked = [...boxes.entries()].filter(([, b]) => b.checked).map(([v]) => v);
      if (!emptyMeansAll && ticked.length === 0) {
        // an empty list means "no filter" in GraphFilter: keep at least one box ticked instead
        const box = e.target as HTMLInputElement;
        box.checked = true;
        ticked = [box.dataset.value ?? ""];
      }
      const all = ticked.length === boxes.size;
      setFilter({ [key]: (emptyMeansAll ? ticked.length === 0 : all) ? undefined : ticked });
    };
    // a corpus may name thousands of sources: list the most frequent, say how many are left out
    const listed = [...values.entries()].slice(0, MAX_LISTED);
    const rows = listed.map(([value, count]) => {
      const box = el("input", { attrs: { type: "checkbox", "data-value": value }, on: { change: onChange } });
      boxes.set(value, box);
      return el("label", { class: "check", title: tooltip(value, count) }, [
        box,
        colour ? swatch(colour(value), key === "predicates" ? "bar" : "dot") : null,
        el("span", { class: "check-name", text: key === "predicates" ? predicateLabel(value) : value }),
        el("span", { class: "check-count", text: String(count) }),
      ]);
    });
    const section = el("fieldset", { class: "filter-group", attrs: { "data-testid": `filter-${key}` } }, [
      el("legend", { text: title }),
      values.size === 0 ? el("p", { class: "muted", text: "none in this graph" }) : null,
      el("div", { class: key === "sources" ? "checks scroll" : "checks" }, rows),
      values.size > MAX_LISTED
        ? el("p", { class: "muted small", text: `The ${MAX_LISTED} most frequent of ${values.size}.` })
        : null,
    ]);
    const sync = (f: ViewFilter) => {
      const list = f[key];
      for (const [v, b] of boxes) b.checked = list ? list.includes(v) : !emptyMeansAll;
    };
    return { section, sync };
  };

  const relations = new Map([...facets.predicates].filter(([p]) => MODES.relations.has(p)));
  const predicates = group("Relations (links)", "predicates", relations, predicateColour, false, (p, n) => {
    const claims = facets.predicateClaims.get(p) ?? 0;
    return `${n} link${n === 1 ? "" : "s"}, ${claims} claim${claims === 1 ? "" : "s"}`;
  });
  const types = group("Entity types (entities)", "types", facets.types, typeColour, false);
  const sources = group("Said by, any of (links)", "sources", facets.sources, null, true);

  /** One choice among the values flows carry: a recipient, a supplier's country, an intermediary, an item. */
  const supplySelect = (label: string, key: SupplyKey, options: Array<[string, string]>) => {
    const select = el(
      "select",
      {
        attrs: { "aria-label": label, "data-testid": `filter-${key}` },
        on: { change: () => setFilter({ [key]: select.value === "" ? undefined : [select.value] }) },
      },
      [
        el("option", { text: "any", attrs: { value: "" } }),
        ...options.map(([v, t]) => el("option", { text: t, attrs: { value: v } })),
      ],
    );
    return {
      row: el("label", { class: "row select-row" }, [el("span", { text: label }), select]),
      sync: (f: ViewFilter) => (select.value = f[key]?.[0] ?? ""),
    };
  };
  const supply = [
    supplySelect("Recipient", "recipients", [...facets.recipients]),
    supplySelect("Supplier country", "supplierCountries", [...facets.supplierCountries]),
    supplySelect(
      "Through",
      "via",
      facets.via.map((v) => [v, v]),
    ),
    supplySelect(
      "Item",
      "items",
      facets.items.map((v) => [v, v]),
    ),
  ];

  const yearInput = (label: string, key: "fromYear" | "toYear") => {
    const input = el("input", {
      attrs: {
        type: "number",
        min: "1000",
        max: "9999",
        placeholder: String((key === "fromYear" ? facets.minYear : facets.maxYear) ?? ""),
        "aria-label": label,
        "data-testid": `filter-${key}`,
      },
      on: {
        change: () => {
          const n = input.value === "" ? undefined : Number(input.value);
          setFilter({ [key]: n !== undefined && Number.isInteger(n) && n >= 1000 && n <= 9999 ? n : undefined });
        },
      },
    });
    return input;
  };
  const from = yearInput("from year", "fromYear");
  const to = yearInput("to year", "toYear");
  const timeNote = el("p", { class: "small muted", attrs: { "data-testid": "report-time-note" } });
  const minSources = el("input", {
    attrs: {
      type: "number",
      min: "0",
      max: String(Math.max(facets.maxSources, 1)),
      "aria-label": "minimum independent supporting sources",
      "data-testid": "filter-minSources",
    },
    on: {
      change: () => setFilter({ minSources: Math.max(0, Math.floor(Number(minSources.value) || 0)) }),
    },
  });
  const check = (key: "hideNegated" | "hideContested", text: string, title: string) => {
    const box = el("input", {
      attrs: { type: "checkbox", "data-testid": `filter-${key}` },
      on: { change: () => setFilter({ [key]: box.checked }) },
    });
    return { box, label: el("label", { class: "check", title }, [box, el("span", { text })]) };
  };
  const hideNegated = check("hideNegated", "Hide denied links", "links that every claim denies");
  const hideContested = check(
    "hideContested",
    "Hide contested links",
    "links (or, on flows, items) that some sources affirm and others deny",
  );
  const reset = el("button", {
    class: "link-button",
    text: "Reset filters",
    on: {
      click: () =>
        setFilter({
          predicates: undefined,
          types: undefined,
          sources: undefined,
          recipients: undefined,
          supplierCountries: undefined,
          via: undefined,
          items: undefined,
          fromYear: undefined,
          toYear: undefined,
          minSources: 0,
          hideNegated: false,
          hideContested: false,
        }),
    },
  });

  container.replaceChildren(
    el("fieldset", { class: "filter-group", attrs: { "data-testid": "filter-supply" } }, [
      el("legend", { text: "Supply" }),
      ...supply.map((s) => s.row),
    ]),
    predicates.section,
    types.section,
    el("fieldset", { class: "filter-group" }, [
      el("legend", { text: "Evidence" }),
      el("label", { class: "row", title: COUNT_DEFINITIONS.eventTime }, [
        el("span", { text: "Years stated" }),
        from,
        el("span", { text: "–" }),
        to,
      ]),
      timeNote,
      el("label", { class: "row", title: COUNT_DEFINITIONS.sources }, [
        el("span", { text: "At least" }),
        minSources,
        el("span", { text: "independent supporting sources" }),
      ]),
      hideNegated.label,
      hideContested.label,
    ]),
    sources.section,
    reset,
  );

  return () => {
    const s = store.get();
    const f = s.filter;
    predicates.section.hidden = s.mode !== "relations";
    predicates.sync(f);
    types.sync(f);
    sources.sync(f);
    for (const x of supply) x.sync(f);
    from.value = f.fromYear === undefined ? "" : String(f.fromYear);
    to.value = f.toYear === undefined ? "" : String(f.toYear);
    minSources.value = String(f.minSources);
    hideNegated.box.checked = f.hideNegated;
    hideContested.box.checked = f.hideContested;
    const r = reportTimeOnly();
    const filtering = f.fromYear !== undefined || f.toYear !== undefined;
    timeNote.classList.toggle("warn", filtering && r.links > 0);
    timeNote.textContent =
      r.links === 0
        ? "Every link here has a time its sentences state."
        : `${r.claims} claim${r.claims === 1 ? "" : "s"} on ${r.links} link${r.links === 1 ? "" : "s"} state no time, ` +
          `only when they were reported: ${filtering ? "the year filter leaves them out" : "a year filter leaves them out"}.`;
  };
}
