import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { startHarness, type Harness } from '../helpers/bot.js';

let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => {
  await harness?.stop();
});

describe('the bot against the fake Discord', () => {
  it('answers /ask what did Lavrov say with both Lavrov sentences and their source', async () => {
    const record = await harness.fake.settled(harness.fake.command('ask', { question: 'what did Lavrov say' }));
    expect(record.responses[0]?.status).toBe(204);
    const embed = record.message?.embeds[0];
    expect(embed?.title).toBe('Statements by Sergey Lavrov');
    expect(embed?.description).toContain('Lavrov told reporters the meeting was');
    expect(embed?.description).toContain('reason to believe that the American side has begun');
    expect(embed?.description).toContain('2025-02-18 · ¶5');
    expect(harness.fake.violations).toEqual([]);
  });
});
