import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { InteractionResponseType, type APIMessage } from 'discord-api-types/v10';
import { startHarness, type Harness } from '../helpers/bot.js';
import { isEphemeral } from '../fake-discord/server.js';
import { Verbatim } from '../../src/verbatim.js';
import type { Article } from '../../src/corpus/types.js';

// Long statements, so that a day's worth does not fit one message and More has work to do.
const FILLER = 'and the delegations will meet again at the lock house when the water is low enough to inspect the gates, the culverts and the old towpath';

/** Two invented negotiators over four days in three outlets; day 1's first statement is carried by every outlet. */
function corpus(): Article[] {
  const outlets = ['Tidewater Herald', 'Saltmarsh Times', 'Fenland Post'];
  return [1, 2, 3, 4].flatMap((day) => outlets.map((outlet, o) => ({
    file: `day${day}-${o}.md`,
    meta: { title: `Canal talks, day ${day}`, outlet, url: `https://${o}.example/canal-${day}`, published: `2025-06-0${day}`, author: null },
    body: [
      'Ilka Brennholt, the envoy of Marsh, met Tobiah Quence, the canal commissioner, at the lock house.',
      day === 1 ? '“The first lock will open on Monday for barges of every flag,” Brennholt said.' : `“Item ${day}${o} on the canal is agreed, ${FILLER},” Brennholt said.`,
      `“Item ${day}${o}b on the canal is agreed, ${FILLER},” Brennholt said later.`,
      `“Canal tolls on item ${day}${o} will fall by a third for small boats,” Quence said.`,
    ].join('\n\n'),
  })));
}
const buttons = (message: APIMessage | null | undefined) => (message?.components ?? []).flatMap((row) => ('components' in row ? (row.components as { label?: string; custom_id?: string }[]) : []));
const footerOf = (message: APIMessage | null | undefined) => message?.embeds.at(-1)?.footer?.text ?? '';

describe('/timeline, /compare and /whosaid in Discord', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(Verbatim.fromCorpus({ articles: corpus(), failures: [] }));
  });
  afterAll(async () => {
    expect(h.fake.violations).toEqual([]);
    await h?.stop();
  });

  it('/timeline: one embed a day, oldest first, within the limits; More goes through every statement once', async () => {
    let record = await h.fake.settled(h.fake.command('timeline', { speaker: 'Brennholt' }));
    const first = record.message;
    expect(first?.embeds[0]?.author?.name).toBe('What Ilka Brennholt said, day by day');
    expect(first?.embeds[0]?.title).toBe('Sunday 1 June 2025');
    expect(first?.embeds[0]?.description).toContain('↳ also in');
    expect(footerOf(first)).toMatch(/^Timeline: Brennholt · results 1–\d+ of 22$/u);
    const seen: string[] = [];
    for (let page = 0; page < 10; page++) {
      for (const embed of record.message?.embeds ?? []) seen.push(...(embed.description ?? '').split('\n').filter((l) => l.startsWith('> ')));
      const more = buttons(record.message).find((b) => b.label === 'More');
      if (!more) break;
      record = await h.fake.settled(h.fake.click(record.message as APIMessage, more.custom_id ?? ''));
    }
    // Day 1's lock statement once (its copies are in "also in"), and the two other statements of every article.
    expect(seen).toHaveLength(1 + 3 + 3 * 2 * 3);
    expect(new Set(seen).size).toBe(seen.length);
    expect(footerOf(record.message)).toMatch(/ of 22$/u);
  });

  it('/timeline for a name nobody has, privately, with names to try', async () => {
    const record = await h.fake.settled(h.fake.command('timeline', { speaker: 'Zorvath Ulm' }));
    expect(isEphemeral(record.message ?? undefined)).toBe(true);
    expect(record.message?.embeds[0]?.description).toMatch(/^No statements by Zorvath Ulm in these articles\./u);
  });

  it('/compare: two embeds side by side with the same number of statements; More pages both; the same person twice is refused', async () => {
    const record = await h.fake.settled(h.fake.command('compare', { first: 'Brennholt', second: 'Quence', topic: 'canal' }));
    const [left, right] = record.message?.embeds ?? [];
    expect(left?.title).toBe('Ilka Brennholt about “canal”');
    expect(right?.title).toBe('Tobiah Quence about “canal”');
    expect(footerOf(record.message)).toMatch(/^Compare: Brennholt \| with: Quence \| topic: canal · results 1–\d of 21$/u);
    expect(buttons(record.message).map((b) => b.label).join(',')).toContain('Quence 1');
    const more = buttons(record.message).find((b) => b.label === 'More');
    const next = await h.fake.settled(h.fake.click(record.message as APIMessage, more?.custom_id ?? ''));
    expect(next.message?.embeds[1]?.title).toBe('Tobiah Quence about “canal”');
    expect(footerOf(next.message)).toMatch(/^Compare: Brennholt \| with: Quence \| topic: canal · results \d+–\d+ of 21$/u);
    const twice = await h.fake.settled(h.fake.command('compare', { first: 'Brennholt', second: 'Ilka Brennholt' }));
    expect(isEphemeral(twice.message ?? undefined)).toBe(true);
    expect(twice.message?.embeds[0]?.description).toContain('two different people');
  });

  it('/compare autocompletes both people', async () => {
    const record = await h.fake.settled(h.fake.autocomplete('compare', { first: 'Brennholt', second: 'que' }, 'second'));
    expect(record.responses[0]?.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect((record.responses[0]?.body.data as { choices: { value: string }[] }).choices.map((c) => c.value)).toEqual(['Tobiah Quence']);
  });

  it('/whosaid: a misremembered quote finds its speaker and first report; words nobody said are answered honestly; a letter is refused', async () => {
    const record = await h.fake.settled(h.fake.command('whosaid', { quote: 'the first lock opens on Monday for barges' }));
    const embed = record.message?.embeds[0];
    expect(embed?.description).toMatch(/^\*\*1\. Ilka Brennholt\*\*/u);
    expect(embed?.description).toContain('2025-06-01');
    expect(embed?.footer?.text).toMatch(/^Who said: the first lock opens on Monday for barges · results 1–1 of 1$/u);
    const nobody = await h.fake.settled(h.fake.command('whosaid', { quote: 'the moon is made of cheese' }));
    expect(nobody.message?.embeds[0]?.description).toBe('Nobody in these articles said “the moon is made of cheese”, or words close to it.');
    const letter = await h.fake.settled(h.fake.command('whosaid', { quote: 'x', private: true }));
    expect(isEphemeral(letter.message ?? undefined)).toBe(true);
    expect(letter.message?.embeds[0]?.description).toContain('Give a few words of the quote');
  });
});
