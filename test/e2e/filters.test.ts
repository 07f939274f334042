import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { InteractionResponseType, type APIMessage } from 'discord-api-types/v10';
import { startHarness, type Harness } from '../helpers/bot.js';
import { isEphemeral } from '../fake-discord/server.js';
import { Verbatim } from '../../src/verbatim.js';
import type { Article } from '../../src/corpus/types.js';

/** Twelve statements by one invented envoy across two outlets and two days. */
function corpus(): Article[] {
  return ['Tidewater Herald', 'Saltmarsh Times'].flatMap((outlet, o) => [0, 1].map((day) => ({
    file: `${o}-${day}.md`,
    meta: { title: `Ferry talks, day ${day + 1}`, outlet, url: null, published: `2025-05-0${day + 1}`, author: null },
    body: [0, 1, 2].map((k) => `“Point ${o}${day}${k} of the ferry accord is settled,” said Ilka Brennholt, the envoy.`).join('\n\n'),
  })));
}
const buttons = (message: APIMessage | null | undefined) => (message?.components ?? []).flatMap((row) => ('components' in row ? (row.components as { label?: string; custom_id?: string }[]) : []));

describe('since, until and outlet in Discord', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(Verbatim.fromCorpus({ articles: corpus(), failures: [] }));
  });
  afterAll(async () => {
    expect(h.fake.violations).toEqual([]);
    await h?.stop();
  });

  it('/ask with outlet and since keeps only those articles; More pages within the same filters', async () => {
    const record = await h.fake.settled(h.fake.command('ask', { question: 'what did Ilka Brennholt say', outlet: 'saltmarsh times', since: '2025-05-01' }));
    const embed = record.message?.embeds[0];
    expect(embed?.footer?.text).toMatch(/^Question: what did Ilka Brennholt say \| since: 2025-05-01 \| outlet: saltmarsh times · results 1–5 of 6$/);
    expect(embed?.description).not.toContain('Tidewater');
    const more = buttons(record.message).find((b) => b.label === 'More');
    const next = await h.fake.settled(h.fake.click(record.message as APIMessage, more?.custom_id ?? ''));
    expect(next.message?.embeds[0]?.footer?.text).toMatch(/\| outlet: saltmarsh times · results 6–6 of 6$/);
    expect(next.message?.embeds[0]?.description).toContain('Saltmarsh Times');
    expect(next.message?.embeds[0]?.description).not.toContain('Tidewater');
  });

  it('/quotes with until, and a bad date answered privately with how to write it', async () => {
    const record = await h.fake.settled(h.fake.command('quotes', { speaker: 'Brennholt', until: '2025-05-01' }));
    expect(record.message?.embeds[0]?.footer?.text).toMatch(/\| until: 2025-05-01 · results 1–5 of 6$/);
    const bad = await h.fake.settled(h.fake.command('quotes', { speaker: 'Brennholt', since: '2025-05-32' }));
    expect(isEphemeral(bad.message ?? undefined)).toBe(true);
    expect(bad.message?.content).toContain('since must be a date written YYYY-MM-DD');
  });

  it('the outlet option autocompletes over the corpus\'s outlets', async () => {
    const record = await h.fake.settled(h.fake.autocomplete('ask', { question: 'x', outlet: 'salt' }, 'outlet'));
    expect(record.responses[0]?.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect((record.responses[0]?.body.data as { choices: unknown[] }).choices).toEqual([{ name: 'Saltmarsh Times · 2 articles', value: 'Saltmarsh Times' }]);
    const all = await h.fake.settled(h.fake.autocomplete('quotes', { speaker: 'x', outlet: '' }, 'outlet'));
    expect((all.responses[0]?.body.data as { choices: { value: string }[] }).choices.map((c) => c.value).sort()).toEqual(['Saltmarsh Times', 'Tidewater Herald']);
  });
});
