// Worker threads do not get the parent's TypeScript loader on Node 20: register tsx here, then
// load the TypeScript worker.
import { register } from "tsx/esm/api";

register();
await import("./worker.ts");
