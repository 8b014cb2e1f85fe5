import type { TestProject } from "vitest/node";
import { checkWebgl, resolveChromium } from "../../tools/chromium/chromium.js";

/**
 * Chromium for the browser tests: found, or installed on the first run (Debian's package, or the
 * one an npm package carries), and made to draw with WebGL before any test starts, so that
 * `npm test` needs nothing set up by hand. Never skipped: without a working Chromium this fails
 * and says what to do.
 */
export default async function setup(project: TestProject): Promise<void> {
  const executablePath = resolveChromium();
  const webgl = await checkWebgl(executablePath);
  console.error(`browser tests: Chromium ${webgl.version} (${executablePath}), WebGL renderer ${webgl.renderer}`);
  project.provide("chromium", executablePath);
}

declare module "vitest" {
  export interface ProvidedContext {
    chromium: string;
  }
}
