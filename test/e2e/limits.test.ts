import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startHarness, type Harness } from '../helpers/bot.js';
import { isEphemeral } from '../fake-discord/server.js';

const OTHER_USER = '223456789012345678';

describe('rate limits in Discord (RATE_LIMIT=2/60)', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(undefined, { RATE_LIMIT: '2/60' });
  });
  afterAll(async () => {
    expect(h.fake.violations).toEqual([]);
    await h?.stop();
  });

  it('answers a user’s first questions, then tells them privately to slow down, and never limits others or /help', async () => {
    const first = await h.fake.settled(h.fake.command('ask', { question: 'what did Lavrov say' }));
    const second = await h.fake.settled(h.fake.command('quotes', { speaker: 'Rubio' }));
    const third = await h.fake.settled(h.fake.command('ask', { question: 'what did Rubio say' }));
    for (const record of [first, second]) expect(record.message?.embeds[0]?.description ?? '').toMatch(/\S/);
    expect(isEphemeral(third.message ?? undefined)).toBe(true);
    expect(JSON.stringify(third.message)).toContain('at most 2 questions every 60 seconds. Try again in');
    const other = await h.fake.settled(h.fake.command('ask', { question: 'what did Rubio say' }, 0, OTHER_USER));
    expect(other.message?.embeds[0]?.title).toContain('Rubio');
    const help = await h.fake.settled(h.fake.command('help'));
    expect(JSON.stringify(help.message)).not.toContain('asking quickly');
    expect(JSON.stringify(help.message)).toContain('/ask');
    expect(h.logs.filter((l) => l.fields.outcome === 'rate-limited')).toHaveLength(1);
  });
});
