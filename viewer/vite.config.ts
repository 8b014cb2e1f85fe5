import { defineConfig } from "vite";

/**
 * The viewer is a static app served by `kg serve` from viewer/dist. In development
 * (`npm run viewer:dev`) the API is proxied to a running `kg serve` (KG_API, default
 * http://127.0.0.1:8080), so the dev server and the real server answer the same way.
 */
export default defineConfig({
  root: __dirname,
  base: "./",
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    chunkSizeWarningLimit: 1500,
  },
  server: {
    proxy: { "/api": process.env.KG_API ?? "http://127.0.0.1:8080" },
  },
});
