import { predicateColour, typeColour } from "../graph/appearance.js";
import type { Facets } from "../graph/facets.js";
import type { ViewStore } from "../state/store.js";
import type { ViewFilter } from "../state/view-state.js";
import { el, swatch } from "./dom.js";

/**
 * The filter panel. Checkbox groups mean "show these"; all boxes ticked is no filter at all, so
 * a new predicate appearing after an expand is not hidden by a stale list.
 */
const MAX_LISTED = 200;

export function renderFilters(container: HTMLElement, facets: Facets, store: ViewStore): () => void {
  const setFilter = (patch: Partial<ViewFilter>) => store.update({ filter: { ...store.get().filter, ...patch } });

  const group = (
    title: string,
    key: "predicates" | "types" | "sources",
    values: Map<string, number>,
    colour: ((v: string) => string) | null,
    emptyMeansAll: boolean,
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
      return el("label", { class: "check" }, [
        box,
        colour ? swatch(colour(value), key === "predicates" ? "bar" : "dot") : null,
        el("span", {
          class: "check-name",
          text: key === "predicates" ? value.replace(/_/g, " ").toLowerCase() : value,
        }),
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

  const predicates = group("Relations", "predicates", facets.predicates, predicateColour, false);
  const types = group("Entity types", "types", facets.types, typeColour, false);
  const sources = group("Said by (any of)", "sources", facets.sources, null, true);

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
  const minSources = el("input", {
    attrs: {
      type: "number",
      min: "0",
      max: String(Math.max(facets.maxSources, 1)),
      "aria-label": "minimum independent sources",
      "data-testid": "filter-minSources",
    },
    on: {
      change: () => setFilter({ minSources: Math.max(0, Math.floor(Number(minSources.value) || 0)) }),
    },
  });
  const hideNegated = el("input", {
    attrs: { type: "checkbox", "data-testid": "filter-hideNegated" },
    on: { change: () => setFilter({ hideNegated: hideNegated.checked }) },
  });
  const reset = el("button", {
    class: "link-button",
    text: "Reset filters",
    on: {
      click: () =>
        setFilter({
          predicates: undefined,
          types: undefined,
          sources: undefined,
          fromYear: undefined,
          toYear: undefined,
          minSources: 0,
          hideNegated: false,
        }),
    },
  });

  container.replaceChildren(
    predicates.section,
    types.section,
    el("fieldset", { class: "filter-group" }, [
      el("legend", { text: "Evidence" }),
      el("label", { class: "row" }, [el("span", { text: "Years" }), from, el("span", { text: "–" }), to]),
      el("label", { class: "row" }, [
        el("span", { text: "At least" }),
        minSources,
        el("span", { text: "independent sources" }),
      ]),
      el("label", { class: "check" }, [hideNegated, el("span", { text: "Hide denied links" })]),
    ]),
    sources.section,
    reset,
  );

  return () => {
    const f = store.get().filter;
    predicates.sync(f);
    types.sync(f);
    sources.sync(f);
    from.value = f.fromYear === undefined ? "" : String(f.fromYear);
    to.value = f.toYear === undefined ? "" : String(f.toYear);
    minSources.value = String(f.minSources);
    hideNegated.checked = f.hideNegated;
  };
}
