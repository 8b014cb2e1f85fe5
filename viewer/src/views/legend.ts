import { CONTESTED_COLOUR, NEGATED_COLOUR, predicateColour, typeColour } from "../graph/appearance.js";
import type { Facets } from "../graph/facets.js";
import type { ViewStore } from "../state/store.js";
import type { SizeBy } from "../state/view-state.js";
import { el, swatch } from "./dom.js";

export function renderLegend(container: HTMLElement, facets: Facets, store: ViewStore, arrows: boolean): () => void {
  const item = (colour: string, text: string, shape: "dot" | "bar") =>
    el("li", {}, [swatch(colour, shape), el("span", { text })]);
  const sizeRadio = (value: SizeBy, text: string) => {
    const r = el("input", {
      attrs: { type: "radio", name: "size-by", value, "data-testid": `size-${value}` },
      on: { change: () => r.checked && store.update({ sizeBy: value }) },
    });
    return { r, label: el("label", { class: "check" }, [r, el("span", { text })]) };
  };
  const byDegree = sizeRadio("degree", "links");
  const byClaims = sizeRadio("claims", "claims");
  container.replaceChildren(
    el("div", { class: "legend-cols" }, [
      el("div", {}, [
        el("h3", { text: "Entities" }),
        el(
          "ul",
          { class: "legend" },
          [...facets.types.keys()].map((t) => item(typeColour(t), t, "dot")),
        ),
      ]),
      el("div", {}, [
        el("h3", { text: "Links" }),
        el("ul", { class: "legend" }, [
          ...[...facets.predicates.keys()].map((p) =>
            item(predicateColour(p), p.replace(/_/g, " ").toLowerCase(), "bar"),
          ),
          item(NEGATED_COLOUR, "denied by every source", "bar"),
          item(CONTESTED_COLOUR, "contested (affirmed and denied)", "bar"),
        ]),
      ]),
    ]),
    el("p", {
      class: "muted small",
      text: `Link width: number of independent sources. ${
        arrows ? "Arrows point subject → object." : "Direction (subject → object) is shown in the link's panel."
      }`,
    }),
    el("div", { class: "row" }, [el("span", { text: "Node size by" }), byDegree.label, byClaims.label]),
  );
  return () => {
    const by = store.get().sizeBy;
    byDegree.r.checked = by === "degree";
    byClaims.r.checked = by === "claims";
  };
}
