import { describe, expect, it } from "vitest";
import { filterToParams, queryToView, viewToQuery } from "../viewer/src/state/url.js";
import { INITIAL_VIEW, type ViewState } from "../viewer/src/state/view-state.js";

describe("viewer URL state", () => {
  it("round-trips filters, selection, focus, path, size and camera", () => {
    const view: ViewState = {
      mode: "flows",
      filter: {
        predicates: ["SUPPLIES", "COMPONENT_OF"],
        types: ["Country", "Item"],
        sources: ["Center for Strategic and International Studies", "Reuters"],
        fromYear: 2022,
        toYear: 2024,
        minSources: 2,
        hideNegated: true,
        hideContested: true,
        recipients: ["country:russia"],
        items: ["chips"],
      },
      selection: { kind: "link", id: "l_0123456789abcdef" },
      focus: "country:china",
      path: ["weapon:iskander", "country:ukraine"],
      pathKind: "materiel",
      sizeBy: "claims",
      edgeLabels: true,
      table: true,
      camera: { x: 0.5123, y: 0.25, ratio: 0.75 },
    };
    const parsed = queryToView(viewToQuery(view));
    expect(parsed.warnings).toEqual([]);
    expect(parsed.view).toEqual(view);
  });

  it("an empty query is the initial view, and the initial view writes an empty query", () => {
    expect(queryToView("").view).toEqual(INITIAL_VIEW);
    expect(viewToQuery(INITIAL_VIEW)).toBe("");
  });

  it("drops a bad parameter with a warning naming it, keeping the good ones", () => {
    const { view, warnings } = queryToView(
      "?predicates=supplies!&minSources=2&cam=1,2&size=huge&fromYear=2025&toYear=2020",
    );
    expect(view.filter.predicates).toBeUndefined();
    expect(view.filter.minSources).toBe(2);
    expect(view.filter.fromYear).toBeUndefined();
    expect(view.camera).toBeNull();
    expect(view.sizeBy).toBe("degree");
    expect(warnings.map((w) => w.split(":")[0])).toEqual(["predicates", "fromYear", "size", "cam"]);
  });

  it("names in the query are data, kept as written (commas split lists, nothing is evaluated)", () => {
    const { view } = queryToView(
      `?sources=${encodeURIComponent("<script>x</script>,Reuters")}&node=${encodeURIComponent("item:a-b")}`,
    );
    expect(view.filter.sources).toEqual(["<script>x</script>", "Reuters"]);
    expect(view.selection).toEqual({ kind: "node", id: "item:a-b" });
  });

  it("filter parameters use GraphFilter's names, so /api/export understands them", () => {
    const p = filterToParams({
      predicates: ["SUPPLIES"],
      minSources: 3,
      hideNegated: true,
      hideContested: false,
      fromYear: 2020,
    });
    expect(Object.fromEntries(p)).toEqual({
      predicates: "SUPPLIES",
      minSources: "3",
      hideNegated: "1",
      fromYear: "2020",
    });
  });
});
