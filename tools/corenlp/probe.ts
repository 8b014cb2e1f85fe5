/** Is a CoreNLP server there, and is anything else on the port? */
import net from "node:net";

async function getText(url: URL, timeoutMs: number): Promise<{ status: number; body: string } | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    return { status: res.status, body: await res.text() };
  } catch {
    return null;
  }
}

/**
 * Does a CoreNLP server answer at `url`, ready for requests? Both status endpoints must give
 * CoreNLP's own bodies ("ready", "live"): a web server that answers 200 to every path (a dev
 * server, a proxy's default page) is not taken for CoreNLP. The wait is long because a stock
 * server answers them from the same few threads as its annotations.
 */
export async function nlpAnswers(url: string, { timeoutMs = 10_000 } = {}): Promise<boolean> {
  const base = url.endsWith("/") ? url : `${url}/`;
  const [ready, live] = await Promise.all([
    getText(new URL("ready", base), timeoutMs),
    getText(new URL("live", base), timeoutMs),
  ]);
  return ready?.status === 200 && ready.body.trim() === "ready" && live?.status === 200 && live.body.trim() === "live";
}

/** Does anything accept connections on 127.0.0.1:port (CoreNLP or not)? */
export function portTaken(port: number, host = "127.0.0.1"): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (taken: boolean) => {
      socket.destroy();
      resolve(taken);
    };
    socket.setTimeout(2000, () => done(true));
    socket.once("connect", () => done(true));
    socket.once("error", () => done(false));
  });
}
