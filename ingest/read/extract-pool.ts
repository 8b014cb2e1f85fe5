import { Worker } from "node:worker_threads";
import type { Article } from "../../src/model/article.js";
import type { Entity } from "../../src/model/entity.js";
import type { SafeExtraction } from "./extract-safely.js";

/**
 * Extraction on worker threads: all cores work, and one article cannot take the batch down with
 * it. An article that runs past its time limit has its thread terminated and replaced; a
 * thread that dies (out of memory, stack overflow) fails only the article it was working on.
 * Results come back per article; the caller decides their order.
 */
export interface PoolOptions {
  threads: number;
  /** per-article limit, in milliseconds */
  timeoutMs: number;
  knownEntities: readonly Entity[];
}

interface Task {
  seq: number;
  article: Article;
  resolve: (r: SafeExtraction) => void;
}

interface Slot {
  worker: Worker;
  ready: boolean;
  task: Task | null;
  timer: NodeJS.Timeout | null;
  /** set when the pool ended the thread itself (timeout, close) */
  ending: boolean;
}

const THREAD_URL = new URL("./extract-thread.mjs", import.meta.url);

export class ExtractionPool {
  private readonly slots = new Set<Slot>();
  private readonly queue: Task[] = [];
  private seq = 0;
  private broken: string | null = null;
  private closed = false;

  constructor(private readonly options: PoolOptions) {
    for (let i = 0; i < Math.max(1, options.threads); i++) this.spawn();
  }

  extract(article: Article): Promise<SafeExtraction> {
    if (this.broken) return Promise.resolve({ ok: false, message: this.broken });
    return new Promise((resolve) => {
      this.queue.push({ seq: this.seq++, article, resolve });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(
      [...this.slots].map((s) => {
        s.ending = true;
        return s.worker.terminate();
      }),
    );
    this.slots.clear();
  }

  private spawn(): void {
    const worker = new Worker(THREAD_URL, { workerData: { knownEntities: this.options.knownEntities } });
    const slot: Slot = { worker, ready: false, task: null, timer: null, ending: false };
    this.slots.add(slot);
    worker.on("message", (msg: { ready?: boolean; seq?: number; result?: SafeExtraction }) => {
      if (msg.ready) {
        slot.ready = true;
      } else if (slot.task && msg.seq === slot.task.seq && msg.result) {
        this.finish(slot, msg.result);
      }
      this.pump();
    });
    worker.on("error", (e) => this.lost(slot, `extraction crashed: ${e.message}`, !slot.ready));
    worker.on("exit", (code) => {
      if (!slot.ending) this.lost(slot, `extraction thread exited with code ${code}`, !slot.ready);
    });
  }

  private finish(slot: Slot, result: SafeExtraction): void {
    const task = slot.task!;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = null;
    slot.timer = null;
    task.resolve(result);
  }

  /** A thread is gone: fail its article, and replace it unless it never managed to start. */
  private lost(slot: Slot, message: string, atStartup: boolean): void {
    if (!this.slots.has(slot)) return;
    this.slots.delete(slot);
    slot.ending = true;
    void slot.worker.terminate();
    if (slot.task) this.finish(slot, { ok: false, message });
    if (this.closed) return;
    if (atStartup) {
      // the extractor cannot even load: every article would fail the same way
      this.broken = `extraction could not start: ${message}`;
      for (const t of this.queue.splice(0)) t.resolve({ ok: false, message: this.broken });
      return;
    }
    this.spawn();
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (this.queue.length === 0) return;
      if (!slot.ready || slot.task) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.timer = setTimeout(() => {
        const seconds = Math.round(this.options.timeoutMs / 100) / 10;
        this.lost(slot, `extraction took longer than ${seconds} s; skipped (raise --timeout to allow more)`, false);
        this.pump();
      }, this.options.timeoutMs);
      slot.worker.postMessage({ seq: task.seq, article: task.article });
    }
  }
}
