/**
 * Progress for long work: a redrawn bar with counts and rate on a TTY, plain lines otherwise
 * (at most one every few seconds, so logs stay readable).
 */
export interface Progress {
  tick(n?: number): void;
  done(): void;
}

export interface ProgressOptions {
  label: string;
  total?: number;
  unit?: string;
  stream?: NodeJS.WriteStream;
  /** plain-line interval when not on a TTY */
  intervalMs?: number;
}

export function createProgress({
  label,
  total,
  unit = "items",
  stream = process.stderr,
  intervalMs = 5000,
}: ProgressOptions): Progress {
  const started = Date.now();
  let count = 0;
  let lastDraw = 0;
  const tty = Boolean(stream.isTTY);
  const line = () => {
    const secs = (Date.now() - started) / 1000;
    const rate = secs > 0 ? count / secs : 0;
    const of = total !== undefined ? `/${total}` : "";
    const rateText = `${rate >= 100 ? rate.toFixed(0) : rate.toFixed(1)} ${unit}/s`;
    if (tty && total !== undefined && total > 0) {
      const width = 24;
      const filled = Math.round((Math.min(count, total) / total) * width);
      return `${label} [${"#".repeat(filled)}${"-".repeat(width - filled)}] ${count}${of} ${unit} ${rateText}`;
    }
    return `${label}: ${count}${of} ${unit}, ${rateText}, ${secs.toFixed(1)} s`;
  };
  const draw = (final: boolean) => {
    const now = Date.now();
    if (tty) {
      if (!final && now - lastDraw < 100) return;
      stream.write(`\r\x1b[K${line()}${final ? "\n" : ""}`);
    } else {
      if (!final && now - lastDraw < intervalMs) return;
      stream.write(`${line()}\n`);
    }
    lastDraw = now;
  };
  return {
    tick(n = 1) {
      count += n;
      draw(false);
    },
    done() {
      draw(true);
    },
  };
}
