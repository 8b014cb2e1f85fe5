import {
  CONTESTED_COLOUR,
  FADED_NODE_COLOUR,
  NEGATED_COLOUR,
  PATH_COLOUR,
  predicateColour,
  predicateLabel,
  typeColour,
} from "../graph/appearance.js";
import type { Facets } from "../graph/facets.js";
import { MODES } from "../graph/modes.js";
import type { ViewStore } from "../state/store.js";
import type { SizeBy } from "../state/view-state.js";
import { el, swatch } from "./dom.js";

/** Every colour the view can draw, and what it means: types, the mode's relations, and the special ones. */
export function renderLegend(container: HTMLElement, facets: Facets, store: ViewStore, arrows: boolean): () => void {
  const item = (colour: string, text: string, shape: "dot" | "bar", testId?: string) =>
    el("li", testId ? { attrs: { "data-testid": testId } } : {}, [swatch(colour, shape), el("span", { text })]);
  const sizeRadio = (value: SizeBy, text: string) => {
    const r = el("input", {
      attrs: { type: "radio", name: "size-by", value, "data-testid": `size-${value}` },
      on: { change: () => r.checked && store.update({ sizeBy: value }) },
    });
    return { r, label: el("label", { class: "check" }, [r, el("span", { text })]) };
  };
  const byDegree = sizeRadio("degree", "links");
  const byClaims = sizeRadio("claims", "claims");
  const links = el("ul", { class: "legend", attrs: { "data-testid": "legend-links" } });
  const direction = el("p", { class: "muted small" });
  container.replaceChildren(
    el("div", { class: "legend-cols" }, [
      el("div", {}, [
        el("h3", { text: "Entities" }),
        el("ul", { class: "legend", attrs: { "data-testid": "legend-entities" } }, [
          ...[...facets.types.keys()].map((t) => item(typeColour(t), t, "dot")),
          item(FADED_NODE_COLOUR, "outside the focus or path", "dot"),
        ]),
      ]),
      el("div", {}, [el("h3", { text: "Links" }), links]),
    ]),
    direction,
    el("div", { class: "row" }, [el("span", { text: "Node size by" }), byDegree.label, byClaims.label]),
  );
  return () => {
    const mode = store.get().mode;
    links.replaceChildren(
      ...[...facets.predicates.keys()]
        .filter(MODES[mode].has)
        .map((p) => item(predicateColour(p), predicateLabel(p), "bar")),
      item(NEGATED_COLOUR, "denied by every source", "bar"),
      item(CONTESTED_COLOUR, "contested (affirmed and denied)", "bar"),
      item(PATH_COLOUR, "path, and the selected link", "bar", "legend-path"),
    );
    direction.textContent =
      `Link width: independent supporting sources. ` +
      (arrows
        ? mode === "flows"
          ? "Arrows point supplier → recipient."
          : "Arrows point subject → object."
        : "Direction (subject → object) is shown in the link's panel.");
    const by = store.get().sizeBy;
    byDegree.r.checked = by === "degree";
    byClaims.r.checked = by === "claims";
  };
}
