import { promises as fs } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { loadConfig } from "../src/config/load.js";

async function withConfig(content: string): Promise<string> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), "kg-config-"));
  const file = path.join(dir, "kg.config.json");
  await fs.writeFile(file, content);
  return file;
}

describe("kg.config.json", () => {
  it("gives the ten default relation types when there is no file", async () => {
    const { vocabulary } = await loadConfig("/nonexistent/kg.config.json");
    expect([...vocabulary.relationTypes.keys()]).toContain("SUPPLIES");
    expect(vocabulary.relationTypes.size).toBe(10);
  });

  it("extends the vocabularies with the user's relation and entity types", async () => {
    const file = await withConfig(
      JSON.stringify({
        relationTypes: [{ name: "FINANCES", description: "pays for", reading: "funder → project" }],
        entityTypes: ["Vessel"],
      }),
    );
    const { vocabulary } = await loadConfig(file);
    expect(vocabulary.relationTypes.get("FINANCES")).toMatchObject({ symmetric: false });
    expect(vocabulary.entityTypes.has("Vessel")).toBe(true);
    expect(vocabulary.entityTypes.has("Country")).toBe(true);
  });

  it("names the file and the field of a bad entry", async () => {
    const file = await withConfig(
      JSON.stringify({ relationTypes: [{ name: "finances", description: "", reading: "" }] }),
    );
    await expect(loadConfig(file)).rejects.toThrow(
      `${file}: relationTypes[0].name: relation type must be UPPER_SNAKE_CASE`,
    );
    const typo = await withConfig(JSON.stringify({ relationType: [] }));
    await expect(loadConfig(typo)).rejects.toThrow(file.replace(path.dirname(file), path.dirname(typo)));
    const broken = await withConfig("{ nope");
    await expect(loadConfig(broken)).rejects.toThrow(/invalid JSON/);
  });
});
