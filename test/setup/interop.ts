import type { TestProject } from "vitest/node";
import { resolveGephiToolkit } from "../../tools/gephi/gephi.js";
import { resolveNetworkx } from "../../tools/networkx/networkx.js";

/**
 * The readers the interop tests compare: Gephi Toolkit from Maven Central and NetworkX from PyPI,
 * fetched on the first run (about 80 MB and 2 MB) and cached, so the tests install what they
 * need themselves. Never skipped: a machine without Java, Maven or Python fails here, by name.
 */
export default function setup(project: TestProject): void {
  project.provide("gephiToolkitJar", resolveGephiToolkit());
  project.provide("networkxPython", resolveNetworkx());
}

declare module "vitest" {
  export interface ProvidedContext {
    gephiToolkitJar: string;
    networkxPython: string;
  }
}
