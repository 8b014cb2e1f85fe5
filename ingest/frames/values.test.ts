import { describe, expect, it } from "vitest";
import { extractAmount, extractTime } from "./values.js";

describe("extractTime", () => {
  it.each([
    ["in the first seven months of 2023", null, "2023-01/2023-07"],
    ["in the second half of 2022", null, "2022-07/2022-12"],
    ["between December 2022 and April 2023", null, "2022-12/2023-04"],
    ["from 2024 to 2025", null, "2024/2025"],
    ["between 2023 and 2024", null, "2023/2024"],
    ["On February 4, 2026, strikes", null, "2026-02-04"],
    ["in September 2023", null, "2023-09"],
    ["in July last year", "2024-05-16", "2023-07"],
    ["from January through May of this year", "2024-10-31", "2024-01/2024-05"],
    ["last year", "2024-05-16", "2023"],
    ["more than tripled compared with 2021", null, undefined],
    ["reached US$240 billion in 2023", null, "2023"],
    ["last year", null, undefined],
  ])("%s (article %s) → %s", (text, date, want) => {
    expect(extractTime(text, date)).toBe(want);
  });
});

describe("extractAmount", () => {
  it("reads money with currency and scale", () => {
    expect(extractAmount("worth at least £47 million ($57.4 million USD)")).toEqual({
      value: 47e6,
      currency: "GBP",
      text: "£47 million",
    });
    expect(extractAmount("totaled US$179 million")).toEqual({ value: 179e6, currency: "USD", text: "US$179 million" });
  });
  it("reads percentages and quantities with units", () => {
    expect(extractAmount("increased by 345%")).toEqual({ value: 345, unit: "%", text: "345%" });
    expect(extractAmount("over 1,300 tons of nitrocellulose")).toEqual({
      value: 1300,
      unit: "tons",
      text: "1,300 tons",
    });
    expect(extractAmount("nearly 50,000 units")).toEqual({ value: 50000, unit: "units", text: "50,000 units" });
  });
  it("returns nothing without a number", () => {
    expect(extractAmount("many drones")).toBeUndefined();
  });
});
