import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { resolveChromium, type ResolveOptions } from "../tools/chromium/chromium.js";

/**
 * How the browser tests get a Chromium on a machine without one, with stand-ins for apt-get and
 * npm first on PATH: they record how they were called and "install" an executable where the real
 * ones would, so no package is installed and the machine's own Chromium is left alone.
 */

let dir: string;
let calls: string;
let system: string;
let messages: string[];

function tool(name: string, script: string): void {
  const bin = path.join(dir, "bin");
  mkdirSync(bin, { recursive: true });
  writeFileSync(path.join(bin, name), `#!/bin/sh\necho "${name} $*" >> "${calls}"\n${script}\n`);
  chmodSync(path.join(bin, name), 0o755);
}

const executableAt = (file: string) =>
  `mkdir -p "$(dirname "${file}")" && printf '#!/bin/sh\\n' > "${file}" && chmod +x "${file}"`;

/** What @sparticuz/chromium does when imported: unpack its browser into TMPDIR, give the path. */
const FAKE_PACKAGE =
  `import { writeFileSync, chmodSync } from "node:fs"; import { join } from "node:path";` +
  `export default { async executablePath() { const f = join(process.env.TMPDIR, "chromium");` +
  ` writeFileSync(f, "#!/bin/sh\\n"); chmodSync(f, 0o755); return f; } };`;

function fakeNpm(): void {
  const prefix = '"$3"'; // npm install --prefix DIR ...
  const entry = `${prefix}/node_modules/@sparticuz/chromium/build`;
  tool("npm", `mkdir -p ${entry} && cat > ${entry}/index.js <<'EOF'\n${FAKE_PACKAGE}\nEOF`);
}

function resolve(options: Partial<ResolveOptions> & { env?: NodeJS.ProcessEnv } = {}): string {
  return resolveChromium({
    systemPath: system,
    isRoot: true,
    log: (m) => messages.push(m),
    ...options,
    env: {
      PATH: `${path.join(dir, "bin")}:${process.env.PATH}`,
      KG_CHROMIUM_HOME: path.join(dir, "home"),
      ...options.env,
    },
  });
}

const called = () => (existsSync(calls) ? readFileSync(calls, "utf8").trim().split("\n") : []);

beforeEach(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), "kg-chromium-"));
  calls = path.join(dir, "calls.log");
  system = path.join(dir, "root/usr/bin/chromium");
  messages = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe("the browser tests' Chromium on a machine without one", () => {
  it("as root: installs Debian's chromium with apt-get and says so", () => {
    tool("apt-get", `case "$*" in *install*) ${executableAt(system)};; esac`);
    expect(resolve()).toBe(system);
    expect(called()).toEqual([
      "apt-get -o DPkg::Lock::Timeout=600 update -qq",
      "apt-get -o DPkg::Lock::Timeout=600 install -y -qq chromium",
    ]);
    expect(messages.join("\n")).toMatch(/installing Debian's chromium/);
  });

  it("installs nothing when Chromium is there", () => {
    tool("apt-get", "exit 1");
    mkdirSync(path.dirname(system), { recursive: true });
    writeFileSync(system, "#!/bin/sh\n", { mode: 0o755 });
    expect(resolve()).toBe(system);
    expect(called()).toEqual([]);
  });

  it("not root: takes the Chromium inside the npm package, unpacked into its own folder", () => {
    tool("apt-get", "exit 100");
    fakeNpm();
    const found = resolve({ isRoot: false });
    expect(found).toBe(path.join(dir, "home/browser/chromium"));
    expect(called()).toEqual([
      `npm install --prefix ${path.join(dir, "home/npm")} --no-save --no-audit --no-fund --loglevel=error @sparticuz/chromium@153.0.0`,
    ]);
    expect(messages.join("\n")).toMatch(/needs root.*@sparticuz\/chromium/);
    // the next run finds it without installing anything again
    rmSync(calls);
    expect(resolve({ isRoot: false })).toBe(found);
    expect(called()).toEqual([]);
  });

  it("as root, when apt-get fails: shows why, and falls back to the npm package", () => {
    tool("apt-get", 'echo "E: The repository is not signed." >&2; exit 100');
    fakeNpm();
    expect(resolve()).toBe(path.join(dir, "home/browser/chromium"));
    expect(called()[0]).toMatch(/^apt-get .* update/);
    expect(messages.join("\n")).toMatch(/E: The repository is not signed\.[^]*apt-get update failed \(exit 100\)/);
  });

  it("when nothing works: fails saying what to run, never passes silently", () => {
    tool("apt-get", "exit 100");
    tool("npm", "exit 1");
    expect(() => resolve({ isRoot: false })).toThrow(
      /needs root.*npm install @sparticuz\/chromium@153\.0\.0 failed.*sudo apt-get install -y chromium.*KG_CHROMIUM/,
    );
  });

  it("KG_CHROMIUM names the browser; a wrong one is an error, not an install", () => {
    tool("apt-get", "exit 1");
    expect(() => resolve({ env: { KG_CHROMIUM: path.join(dir, "nowhere") } })).toThrow(/KG_CHROMIUM=.*nowhere/);
    expect(called()).toEqual([]);
  });
});
