// Writes a store and kills its own process (SIGKILL, no cleanup) right after the given step of
// the write, as a power cut or `kill -9` would: argv = DIR DATA.json STEP.
import { readFileSync } from "node:fs";
import { writeStore, type StoreData, type WriteStep } from "../../src/store/store.js";

const [dir, dataFile, dieAfter] = process.argv.slice(2) as [string, string, WriteStep];
const data = JSON.parse(readFileSync(dataFile, "utf8")) as StoreData;
await writeStore(dir, data, {
  onStep: (step) => {
    if (step === dieAfter) process.kill(process.pid, "SIGKILL");
  },
});
