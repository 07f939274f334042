/** How many questions a user may ask in a window of seconds (contracts §3, RATE_LIMIT). */
export interface RateLimitConfig {
  count: number;
  seconds: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterMs: number };

// Forget users idle for a whole window, checked every this many decisions: memory stays bounded.
const SWEEP_EVERY = 1000;

/**
 * A sliding-window limit per user: at most `count` questions in any `seconds`. Each user keeps
 * only the times of their last `count` questions.
 */
export class RateLimiter {
  private readonly recent = new Map<string, number[]>();
  private decisions = 0;

  constructor(readonly config: RateLimitConfig) {}

  take(user: string, now = Date.now()): RateDecision {
    const windowMs = this.config.seconds * 1000;
    if (++this.decisions % SWEEP_EVERY === 0) this.sweep(now - windowMs);
    const times = (this.recent.get(user) ?? []).filter((t) => t > now - windowMs);
    if (times.length >= this.config.count) {
      this.recent.set(user, times);
      return { allowed: false, retryAfterMs: (times[0] as number) + windowMs - now };
    }
    times.push(now);
    this.recent.set(user, times);
    return { allowed: true };
  }

  /** Users currently remembered (for tests of the bound on memory). */
  get size(): number {
    return this.recent.size;
  }

  private sweep(before: number): void {
    for (const [user, times] of this.recent) if ((times.at(-1) ?? 0) <= before) this.recent.delete(user);
  }
}

/** The short notice a limited user sees, with when to try again. */
export function rateLimitNotice(config: RateLimitConfig, retryAfterMs: number): string {
  const seconds = Math.max(1, Math.ceil(retryAfterMs / 1000));
  return `You are asking quickly: at most ${config.count} questions every ${config.seconds} seconds. Try again in ${seconds} s.`;
}
