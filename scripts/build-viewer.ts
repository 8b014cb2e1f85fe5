/**
 * Builds the viewer into viewer/dist, where `kg serve` serves it from.
 *
 *   tsx scripts/build-viewer.ts      (npm run viewer:build; also npm's "prepare", see below)
 *
 * `npm ci` and `npm install` run it (package.json "prepare"), so that `kg serve` has its viewer
 * right after installing: building at install time keeps the bundler out of `kg serve`, which
 * then never writes into the project folder it serves from, and keeps the build's few seconds
 * and its errors where a developer expects them.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const VIEWER_DIST = path.join(ROOT, "viewer/dist");

export async function buildViewer(): Promise<void> {
  const { build } = await import("vite");
  await build({
    root: path.join(ROOT, "viewer"),
    configFile: path.join(ROOT, "viewer/vite.config.ts"),
    logLevel: "error",
  });
}

async function main(): Promise<number> {
  const t0 = Date.now();
  try {
    await buildViewer();
  } catch (e) {
    // `npm ci --omit=dev` installs no vite (a dev dependency) yet runs "prepare": an install
    // for running kg without the viewer must not fail for it
    if ((e as NodeJS.ErrnoException).code === "ERR_MODULE_NOT_FOUND" && /'vite'/.test((e as Error).message)) {
      console.error("kg: viewer not built: vite (a dev dependency) is not installed; `npm ci` installs it");
      return process.env.npm_lifecycle_event === "prepare" ? 0 : 1;
    }
    throw e;
  }
  console.error(`kg: viewer built into ${path.relative(process.cwd(), VIEWER_DIST) || "."} in ${Date.now() - t0} ms`);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`kg: viewer build failed: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
