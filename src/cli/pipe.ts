/**
 * Output to a pipe that may close early (`kg export --out - | head`): the reader has what it
 * wanted, so a broken pipe ends the command quietly instead of with a stack trace. Installed once
 * per process, for every command's stdout.
 */
let installed = false;

export function endQuietlyOnBrokenPipe(stream: NodeJS.WriteStream = process.stdout): void {
  if (installed) return;
  installed = true;
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code !== "EPIPE") throw e;
    // nothing more can be written, and nobody is reading: stop here, successfully
    process.exit(typeof process.exitCode === "number" ? process.exitCode : 0);
  });
}

/** Writes a chunk to stdout, waiting for the pipe to drain so that a large export never piles up in memory. */
export async function writeStdout(chunk: string): Promise<void> {
  if (!process.stdout.write(chunk)) await new Promise((resolve) => process.stdout.once("drain", resolve));
}
