import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startHarness, type Harness } from '../helpers/bot.js';

const answered = async (h: Harness) => {
  const record = await h.fake.settled(h.fake.command('ask', { question: 'what did Lavrov say' }), 10_000);
  return record.message?.embeds[0]?.title;
};

describe('Discord faults', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    expect(h.fake.violations).toEqual([]);
    await h?.stop();
  });

  it.each([1006, 4000])('the gateway closes (%i): the bot reconnects and keeps serving', async (code) => {
    const sessions = h.fake.identifies + h.fake.resumes;
    h.fake.dropConnection(code);
    await h.fake.ready();
    expect(h.fake.identifies + h.fake.resumes).toBe(sessions + 1);
    expect(await answered(h)).toBe('Statements by Sergey Lavrov');
  }, 20_000);

  it('an invalid session is identified anew, then served', async () => {
    const identifies = h.fake.identifies;
    h.fake.invalidateSession();
    await h.fake.ready();
    expect(h.fake.identifies).toBe(identifies + 1);
    expect(await answered(h)).toBe('Statements by Sergey Lavrov');
  }, 20_000);

  it('REST 429: the reply waits retry_after, then goes through once', async () => {
    h.fake.fault({ route: 'callback', times: 1, status: 429, retryAfterSeconds: 0.4 });
    const record = h.fake.command('ask', { question: 'what did Rubio say' });
    await h.fake.settled(record, 10_000);
    const limited = h.fake.faultsServed.at(-1);
    expect(limited?.status).toBe(429);
    expect((record.responses[0]?.at ?? 0) - (limited?.at ?? 0)).toBeGreaterThanOrEqual(390);
    expect(record.responses.map((r) => r.status)).toEqual([204]);
    expect(record.message?.embeds[0]?.title).toContain('Rubio');
  }, 20_000);

  it('a 500 after Discord stored the reply never makes a duplicate message', async () => {
    h.fake.fault({ route: 'callback', times: 1, status: 500, afterProcessing: true });
    const record = h.fake.command('ask', { question: 'what did Lavrov say' });
    await expect.poll(() => h.logs.some((l) => l.fields.id === record.payload.id && l.message.startsWith('interaction')), { timeout: 10_000 }).toBe(true);
    // One message: the first callback; any retry was refused as already acknowledged.
    expect(record.message?.embeds[0]?.title).toBe('Statements by Sergey Lavrov');
    expect(record.followups).toEqual([]);
    expect(record.responses.filter((r) => r.status < 300)).toHaveLength(1);
    expect(await answered(h)).toBe('Statements by Sergey Lavrov');
  }, 20_000);

  it('an expired interaction token (401, 50027) is logged, with no crash', async () => {
    h.fake.fault({ route: 'webhook', times: 5, status: 401, code: 50027, message: 'Invalid Webhook Token' });
    // Late enough to be deferred: the answer then comes by editing through the webhook.
    const record = h.fake.command('ask', { question: 'what did Lavrov say' }, 2000);
    await expect.poll(() => h.logs.some((l) => l.level === 'error' && l.fields.code === 50027), { timeout: 10_000 }).toBe(true);
    expect(record.responses[0]?.status).toBe(204);
    // No apology is attempted through a token known to be dead.
    expect(h.logs.filter((l) => l.fields.id === record.payload.id && l.message === 'could not apologise')).toEqual([]);
    expect(await answered(h)).toBe('Statements by Sergey Lavrov');
  }, 20_000);
});
