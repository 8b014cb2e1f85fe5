/**
 * The classpath of CoreNLP and its models: jars that Maven keeps in ~/.m2, listed in a file under
 * the launcher's home. Listing rather than copying them (as the Neo4j launcher does) saves 473 MB
 * per clone; a marker holding the pom's hash says the list is whole and current.
 */
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { stripVTControlCharacters } from "node:util";
import { toolDir, type LocalCoreNlp } from "./settings.js";

const pomFile = path.join(toolDir, "pom.xml");

/** Fails with what to do when a command kg needs for the local CoreNLP is not installed. */
export function requireCommand(command: "java" | "mvn"): void {
  const r = spawnSync(command, command === "java" ? ["-version"] : ["-v"], { encoding: "utf8" });
  const missing = (r.error as NodeJS.ErrnoException | undefined)?.code === "ENOENT";
  const what =
    command === "java"
      ? "Java (17 or later) is needed to run the local CoreNLP server"
      : "Maven (mvn) is needed to fetch CoreNLP from Maven Central the first time";
  if (missing || r.status !== 0)
    throw new Error(
      `${missing ? `${command} was not found on PATH` : `\`${command}\` does not run`}: ${what}. ` +
        "Install it, or set KG_NLP_URL to a CoreNLP server that runs elsewhere.",
    );
  if (command === "java") {
    // single-file source programs (java Launcher.java) need Java 11; the README asks for 17
    const m = /version "(\d+)/.exec(r.stderr);
    const major = m ? Number(m[1]) : 0;
    if (major > 1 && major < 11) throw new Error(`Java ${major} is too old for the local CoreNLP launcher: ${what}.`);
  }
}

function pomHash(): string {
  return createHash("sha256").update(readFileSync(pomFile)).digest("hex");
}

function cachedClasspath(n: LocalCoreNlp): string | null {
  if (!existsSync(n.classpathMarker) || !existsSync(n.classpathFile)) return null;
  if (readFileSync(n.classpathMarker, "utf8").trim() !== pomHash()) return null;
  const classpath = readFileSync(n.classpathFile, "utf8").trim();
  // ~/.m2 may have been cleaned since: then Maven has to fetch the jars again
  const jars = classpath.split(path.delimiter).filter(Boolean);
  return jars.length > 0 && jars.every((jar) => existsSync(jar)) ? classpath : null;
}

/**
 * Resolves CoreNLP 4.5.10 and its English models through Maven (first time: 474 MB from Maven
 * Central, ~25 s), once per pom; returns the classpath.
 */
export async function resolveClasspath(
  n: LocalCoreNlp,
  say: (msg: string) => void = (msg) => console.log(`corenlp: ${msg}`),
): Promise<string> {
  const cached = cachedClasspath(n);
  if (cached) return cached;
  requireCommand("mvn");
  say(
    "resolving Stanford CoreNLP and its English models through Maven (474 MB from Maven Central unless ~/.m2 has them)…",
  );
  mkdirSync(n.home, { recursive: true });
  const tmp = `${n.classpathFile}.tmp`;
  rmSync(tmp, { force: true });
  const args = ["-q", "-B", "-f", pomFile, "dependency:build-classpath", `-Dmdep.outputFile=${tmp}`];
  // Maven's output is kept for the error only: with -q it is nothing but colour codes when all goes well
  const { status, output } = await new Promise<{ status: number | null; output: string }>((resolve, reject) => {
    const mvn = spawn("mvn", args, { stdio: ["ignore", "pipe", "pipe"] });
    const chunks: Buffer[] = [];
    mvn.stdout.on("data", (c: Buffer) => chunks.push(c));
    mvn.stderr.on("data", (c: Buffer) => chunks.push(c));
    mvn.once("error", reject);
    mvn.once("close", (code) => resolve({ status: code, output: Buffer.concat(chunks).toString("utf8") }));
  });
  if (status !== 0 || !existsSync(tmp)) {
    const tail = stripVTControlCharacters(output).trim().split("\n").slice(-20).join("\n");
    throw new Error(`mvn failed (exit ${status}) resolving ${pomFile}; is Maven Central reachable?\n${tail}`);
  }
  renameSync(tmp, n.classpathFile);
  writeFileSync(n.classpathMarker, `${pomHash()}\n`);
  const classpath = cachedClasspath(n);
  if (!classpath) throw new Error(`mvn wrote no usable classpath to ${n.classpathFile}`);
  return classpath;
}
