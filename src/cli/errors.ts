/**
 * Thrown by commands for an expected failure: the message is printed, with the exit code. In its
 * own module so that command modules need not import main.ts (which imports them).
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "CliError";
  }
}
