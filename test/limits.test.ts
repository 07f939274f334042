import { describe, it, expect } from 'vitest';
import { RateLimiter, rateLimitNotice } from '../src/discord/rateLimit.js';
import { WorkQueue } from '../src/discord/workQueue.js';

describe('the rate limit per user', () => {
  it('allows COUNT questions in any window of SECONDS, then says when to try again', () => {
    const limiter = new RateLimiter({ count: 3, seconds: 10 });
    expect([0, 1000, 2000].map((t) => limiter.take('ana', t).allowed)).toEqual([true, true, true]);
    expect(limiter.take('ana', 2500)).toEqual({ allowed: false, retryAfterMs: 7500 });
    // Another user is not affected.
    expect(limiter.take('bo', 2500).allowed).toBe(true);
    // The window slides: the first question leaves it at 10 s.
    expect(limiter.take('ana', 9999).allowed).toBe(false);
    expect(limiter.take('ana', 10_001).allowed).toBe(true);
  });

  it('forgets idle users, so memory stays bounded', () => {
    const limiter = new RateLimiter({ count: 1, seconds: 1 });
    for (let i = 0; i < 5000; i++) limiter.take(`user-${i}`, i * 10);
    expect(limiter.size).toBeLessThan(1200);
  });

  it('words the notice with the limit and a whole number of seconds', () => {
    expect(rateLimitNotice({ count: 5, seconds: 10 }, 3200)).toBe('You are asking quickly: at most 5 questions every 10 seconds. Try again in 4 s.');
  });
});

describe('the bound on concurrent work', () => {
  it('runs at most `concurrency` jobs at once, in arrival order, and refuses past `capacity` waiting', async () => {
    const queue = new WorkQueue(2, 3);
    let running = 0;
    let most = 0;
    const order: number[] = [];
    const job = (n: number) => async () => {
      running++;
      most = Math.max(most, running);
      order.push(n);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
    };
    const results = await Promise.all(Array.from({ length: 7 }, (_, n) => queue.run(job(n))));
    expect(most).toBe(2);
    expect(results).toEqual([true, true, true, true, true, false, false]);
    expect(order).toEqual([0, 1, 2, 3, 4]);
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });

  it('frees the slot of a job that throws', async () => {
    const queue = new WorkQueue(1, 1);
    await expect(queue.run(async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    expect(await queue.run(async () => {})).toBe(true);
    expect(queue.load).toEqual({ running: 0, waiting: 0 });
  });
});
