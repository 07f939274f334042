import { pause } from '../pause.js';

/**
 * A bound on concurrent work: at most `concurrency` jobs run at once, at most `capacity` wait,
 * and each job starts on a fresh turn of the event loop, so a burst of interactions cannot
 * hold the loop (heartbeats and acknowledgements keep flowing) nor pile up without limit.
 */
export class WorkQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly concurrency: number, private readonly capacity: number) {}

  /** Runs the job when a slot is free; returns false at once, without running it, when the queue is full. */
  async run(job: () => Promise<void>): Promise<boolean> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.capacity) return false;
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else {
      this.running++;
    }
    try {
      await pause();
      await job();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next job waiting, or is freed.
      if (next) next();
      else this.running--;
    }
    return true;
  }

  /** Jobs running and waiting now. */
  get load(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }
}
