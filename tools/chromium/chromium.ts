/**
 * The Chromium that the browser tests and the viewer benchmark drive (through playwright-core):
 * found, installed when missing, and checked to draw WebGL before anything relies on it.
 *
 *   tsx tools/chromium/chromium.ts resolve    find or install it, check WebGL, print its path
 *
 * In order: KG_CHROMIUM if set (nothing is installed then); Debian's /usr/bin/chromium; one
 * installed earlier from npm into KG_CHROMIUM_HOME (default .kg-chromium in the project);
 * otherwise Debian's package is installed with apt-get (as root), and where that cannot be done,
 * the Chromium that the npm package @sparticuz/chromium carries inside it (checked on this
 * machine kind: Chromium 153, WebGL on SwiftShader, the viewer tests pass with it).
 */
import { spawnSync } from "node:child_process";
import { accessSync, constants, existsSync, mkdirSync, renameSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium, type Browser } from "playwright-core";

const toolDir = path.dirname(fileURLToPath(import.meta.url));
const projectDir = path.resolve(toolDir, "../..");

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";
export const CARRIED_CHROMIUM = { name: "@sparticuz/chromium", version: "153.0.0" };

/**
 * Headless, no sandbox (tests run as root, where Chromium's sandbox refuses to start) and no GPU
 * process: WebGL then runs on SwiftShader, the same with or without a GPU on the machine.
 */
export const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"];

export interface ResolveOptions {
  env?: NodeJS.ProcessEnv;
  /** where Debian's package puts the browser */
  systemPath?: string;
  isRoot?: boolean;
  log?: (message: string) => void;
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function chromiumHome(env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.KG_CHROMIUM_HOME || path.join(projectDir, ".kg-chromium"));
}

const carriedBinary = (env: NodeJS.ProcessEnv) => path.join(chromiumHome(env), "browser", "chromium");

/** The browser's path; installs one when there is none (minutes, first run only). Throws saying what to do. */
export function resolveChromium(options: ResolveOptions = {}): string {
  const env = options.env ?? process.env;
  const log = options.log ?? ((m: string) => console.error(`chromium: ${m}`));
  const system = options.systemPath ?? DEBIAN_CHROMIUM;
  const isRoot = options.isRoot ?? process.getuid?.() === 0;

  if (env.KG_CHROMIUM) {
    if (executable(env.KG_CHROMIUM)) return env.KG_CHROMIUM;
    throw new Error(`KG_CHROMIUM=${env.KG_CHROMIUM} is not an executable file; unset it to use ${system}`);
  }
  if (executable(system)) return system;
  if (executable(carriedBinary(env))) return carriedBinary(env);

  log(`no Chromium at ${system}`);
  const debian = installDebianChromium(system, env, isRoot, log);
  if (debian.ok) return system;
  log(`${debian.why}; taking the Chromium inside the npm package ${CARRIED_CHROMIUM.name} instead`);
  const carried = installCarriedChromium(env, log);
  if (carried.ok) return carried.path;
  throw new Error(
    `no Chromium for the browser tests: ${debian.why}, and ${carried.why}. ` +
      `Install Debian's package as root (sudo apt-get update && sudo apt-get install -y chromium), ` +
      `or set KG_CHROMIUM to a Chromium.`,
  );
}

type Outcome = { ok: true; path: string } | { ok: false; why: string };

/**
 * Runs a command and says so. Its output (dpkg's is hundreds of lines) is shown only when it
 * fails, its last lines, and always on stderr: the CLI prints the path alone on stdout.
 */
function run(command: string, args: string[], env: NodeJS.ProcessEnv, log: (m: string) => void): number | null {
  log(`$ ${command} ${args.join(" ")}`);
  const r = spawnSync(command, args, { env, stdio: ["ignore", "pipe", "pipe"], maxBuffer: 64 * 1024 * 1024 });
  if (r.error) return null;
  if (r.status !== 0) {
    const lines = `${r.stdout}${r.stderr}`.trimEnd().split("\n").slice(-20);
    for (const line of lines) log(`  ${line}`);
  }
  return r.status;
}

function installDebianChromium(
  system: string,
  env: NodeJS.ProcessEnv,
  isRoot: boolean,
  log: (m: string) => void,
): Outcome {
  if (!isRoot) return { ok: false, why: "Debian's chromium package needs root to install (this user is not root)" };
  const aptEnv = { ...env, DEBIAN_FRONTEND: "noninteractive" };
  // another apt-get on the machine holds the lock for a while: wait for it rather than fail
  const lock = ["-o", "DPkg::Lock::Timeout=600"];
  log("installing Debian's chromium package (first run only, about 100 MB)");
  const update = run("apt-get", [...lock, "update", "-qq"], aptEnv, log);
  if (update === null) return { ok: false, why: "apt-get is not available" };
  if (update !== 0) return { ok: false, why: `apt-get update failed (exit ${update})` };
  const install = run("apt-get", [...lock, "install", "-y", "-qq", "chromium"], aptEnv, log);
  if (install !== 0) return { ok: false, why: `apt-get install chromium failed (exit ${install})` };
  if (!executable(system)) return { ok: false, why: `apt-get installed chromium, but ${system} is not there` };
  log(`installed ${system}`);
  return { ok: true, path: system };
}

/**
 * The npm package keeps the browser brotli-compressed and unpacks it into the system's temporary
 * folder, where other users' runs would find or clobber it; pointing TMPDIR at a folder of ours
 * makes it unpack there instead.
 */
function installCarriedChromium(env: NodeJS.ProcessEnv, log: (m: string) => void): Outcome {
  const home = chromiumHome(env);
  const npmDir = path.join(home, "npm");
  const spec = `${CARRIED_CHROMIUM.name}@${CARRIED_CHROMIUM.version}`;
  mkdirSync(npmDir, { recursive: true });
  const npm = run(
    "npm",
    ["install", "--prefix", npmDir, "--no-save", "--no-audit", "--no-fund", "--loglevel=error", spec],
    env,
    log,
  );
  if (npm !== 0) return { ok: false, why: `npm install ${spec} failed (exit ${npm})` };
  const entry = path.join(npmDir, "node_modules", ...CARRIED_CHROMIUM.name.split("/"), "build", "index.js");
  if (!existsSync(entry)) return { ok: false, why: `npm install ${spec} left no ${entry}` };
  const unpack = `${path.join(home, "browser")}.tmp`;
  rmSync(unpack, { recursive: true, force: true });
  mkdirSync(unpack, { recursive: true });
  log(`unpacking it into ${path.join(home, "browser")}`);
  const script =
    `const m = await import(${JSON.stringify(pathToFileURL(entry).href)});` +
    `process.stdout.write(await m.default.executablePath());`;
  const r = spawnSync(process.execPath, ["--input-type=module", "-e", script], {
    env: { ...env, TMPDIR: unpack },
    encoding: "utf8",
    stdio: ["ignore", "pipe", 2],
  });
  if (r.status !== 0 || r.stdout !== path.join(unpack, "chromium") || !executable(r.stdout)) {
    return { ok: false, why: `unpacking ${spec} failed (exit ${r.status}, ${r.stdout || "no path"})` };
  }
  rmSync(path.join(home, "browser"), { recursive: true, force: true });
  renameSync(unpack, path.join(home, "browser"));
  return { ok: true, path: carriedBinary(env) };
}

export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}

export interface WebglCheck {
  version: string;
  renderer: string;
}

/**
 * Launches the browser and draws a triangle with WebGL: the viewer (sigma.js) needs WebGL, and a
 * Chromium that starts but cannot draw would fail every viewer test in a way that says nothing.
 */
export async function checkWebgl(executablePath: string): Promise<WebglCheck> {
  let browser: Browser;
  try {
    browser = await launchChromium(executablePath);
  } catch (e) {
    throw new Error(`Chromium at ${executablePath} does not start: ${(e as Error).message.split("\n")[0]}`);
  }
  try {
    const page = await browser.newPage();
    const drawn = await page.evaluate(() => {
      const canvas = document.createElement("canvas");
      canvas.width = canvas.height = 16;
      const gl = canvas.getContext("webgl");
      if (!gl) return { renderer: "no WebGL context", pixel: [] as number[] };
      // no helper functions in here: tsx's keepNames would wrap them in a __name() the page lacks
      const program = gl.createProgram()!;
      for (const [type, source] of [
        [gl.VERTEX_SHADER, "attribute vec2 p; void main() { gl_Position = vec4(p, 0, 1); }"],
        [gl.FRAGMENT_SHADER, "precision mediump float; void main() { gl_FragColor = vec4(0.2, 0.6, 1, 1); }"],
      ] as const) {
        const shader = gl.createShader(type)!;
        gl.shaderSource(shader, source);
        gl.compileShader(shader);
        gl.attachShader(program, shader);
      }
      gl.linkProgram(program);
      gl.useProgram(program);
      gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
      gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 3, -1, -1, 3]), gl.STATIC_DRAW);
      gl.enableVertexAttribArray(0);
      gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
      gl.clearColor(0, 0, 0, 1);
      gl.clear(gl.COLOR_BUFFER_BIT);
      gl.drawArrays(gl.TRIANGLES, 0, 3);
      const pixel = new Uint8Array(4);
      gl.readPixels(8, 8, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, pixel);
      const info = gl.getExtension("WEBGL_debug_renderer_info");
      const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
      return { renderer, pixel: Array.from(pixel) };
    });
    const expected = [51, 153, 255, 255];
    if (drawn.pixel.length !== 4 || !drawn.pixel.every((v, i) => Math.abs(v - expected[i]!) <= 2)) {
      throw new Error(
        `Chromium at ${executablePath} does not draw with WebGL (renderer: ${drawn.renderer}; ` +
          `pixel ${JSON.stringify(drawn.pixel)}, expected ${JSON.stringify(expected)}); the viewer needs WebGL`,
      );
    }
    return { version: browser.version(), renderer: drawn.renderer };
  } finally {
    await browser.close();
  }
}

async function main(cmd: string | undefined): Promise<number> {
  if (cmd !== "resolve") {
    console.error("usage: chromium.ts resolve");
    return 2;
  }
  const executablePath = resolveChromium();
  const webgl = await checkWebgl(executablePath);
  console.error(`chromium: ${webgl.version}, WebGL renderer ${webgl.renderer}`);
  console.log(executablePath);
  return 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv[2]).then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`chromium: ${e instanceof Error ? e.message : String(e)}`);
      process.exit(1);
    },
  );
}
