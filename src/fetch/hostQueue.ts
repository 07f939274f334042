/**
 * Politeness per host: at most one request at a time to a host, a pause between the end of one
 * and the start of the next, and a host that answered "Retry-After" left alone until then.
 * Hosts are independent: a slow site never holds up another.
 */
export class HostQueue {
  private readonly hosts = new Map<string, HostState>();

  constructor(private readonly pauseMs: number, private readonly now: () => number = Date.now) {}

  /** Runs `task` when the host is free and rested; tasks for one host run in order. */
  run<T>(host: string, task: () => Promise<T>): Promise<T> {
    const state = this.state(host);
    const turn = state.tail.then(() => this.rest(state)).then(task);
    const settled = turn.then(() => undefined, () => undefined).then(() => {
      state.lastEnd = this.now();
    });
    state.tail = settled;
    state.waiting++;
    void settled.then(() => {
      state.waiting--;
      // Forget a host nobody waits for, once its pause and any Retry-After are over.
      if (state.waiting === 0) setTimeout(() => this.forget(host, state), Math.max(this.pauseMs, state.notBefore - this.now())).unref();
    });
    return turn;
  }

  /** The host asked not to be called before `until` (epoch ms). */
  retryAfter(host: string, until: number): void {
    const state = this.state(host);
    state.notBefore = Math.max(state.notBefore, until);
  }

  /** A robots.txt Crawl-delay: a longer pause for this host than the default. */
  setPause(host: string, pauseMs: number): void {
    this.state(host).pauseMs = Math.max(this.pauseMs, pauseMs);
  }

  /** Epoch ms before which the host is not to be called (0 when it may be called now). */
  notBefore(host: string): number {
    return this.hosts.get(host)?.notBefore ?? 0;
  }

  private state(host: string): HostState {
    let state = this.hosts.get(host);
    if (!state) {
      state = { tail: Promise.resolve(), lastEnd: 0, notBefore: 0, waiting: 0, pauseMs: this.pauseMs };
      this.hosts.set(host, state);
    }
    return state;
  }

  private async rest(state: HostState): Promise<void> {
    const wait = Math.max(state.lastEnd + state.pauseMs, state.notBefore) - this.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }

  private forget(host: string, state: HostState): void {
    if (state.waiting === 0 && this.hosts.get(host) === state && state.notBefore <= this.now() && state.pauseMs === this.pauseMs) this.hosts.delete(host);
  }
}

interface HostState {
  tail: Promise<void>;
  lastEnd: number;
  notBefore: number;
  waiting: number;
  pauseMs: number;
}
