import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { InteractionResponseType, type APIEmbed, type APIMessage } from 'discord-api-types/v10';
import { startHarness, type Harness } from '../helpers/bot.js';
import { isEphemeral } from '../fake-discord/server.js';
import { Verbatim } from '../../src/verbatim.js';
import { article } from '../helpers/articles.js';

/** A corpus whose answers overflow every limit: long sentences, markdown, mentions, many statements. */
function overflowingCorpus(): Verbatim {
  const long = (n: number) =>
    `“Clause ${n} of the **accord** is about the _river_ and @everyone <@123456789012345678> knows it, ` +
    `${'and the river keeps rising past every marker the engineers painted on the stone wall of the old mill, '.repeat(12)}` +
    `so we will not sign,” said Odile Marchetti-Vance.`;
  const paragraphs = Array.from({ length: 14 }, (_, n) => long(n + 1));
  // Thirty invented people: "Bana Quillaker", "Cena Quillbler", …
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const speakers = Array.from({ length: 30 }, (_, n) =>
    `${letters[(n + 1) % 26]?.toUpperCase()}${'aeiou'[n % 5]}n${'aeiou'[(n + 2) % 5]} Quill${letters[n % 26]}${letters[(n * 7) % 26]}er said the river rose.`);
  return Verbatim.fromCorpus({
    articles: [
      article(paragraphs, 'corpus/long.md', `${'A very long headline about the river accord '.repeat(10)}`),
      article(speakers, 'corpus/many.md', 'Many speakers'),
    ],
    failures: [],
  });
}

const text = (embed: APIEmbed | undefined) => `${embed?.title ?? ''}\n${embed?.description ?? ''}\n${embed?.footer?.text ?? ''}`;
type Button = { label?: string; custom_id?: string };
const buttons = (message: APIMessage | null): Button[] =>
  (message?.components ?? []).flatMap((row) => ('components' in row ? (row.components as Button[]) : []));
const buttonId = (message: APIMessage | null, label: string) => {
  const id = buttons(message).find((b) => b.label === label)?.custom_id;
  if (!id) throw new Error(`no button "${label}"`);
  return id;
};

describe('with the seed corpus', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness();
  });
  afterAll(async () => {
    expect(h.fake.violations).toEqual([]);
    expect(h.fake.unknownRoutes).toEqual([]);
    await h?.stop();
  });

  it('keeps the gateway alive with heartbeats, each acknowledged', async () => {
    await expect.poll(() => h.fake.heartbeats, { timeout: 3000 }).toBeGreaterThan(1);
    expect(h.client.ws.ping).toBeGreaterThanOrEqual(0);
  });

  it('/ask what did Lavrov say shows both Lavrov sentences with their source', async () => {
    const record = await h.fake.settled(h.fake.command('ask', { question: 'what did Lavrov say' }));
    expect(record.responses[0]).toMatchObject({ route: 'callback', type: InteractionResponseType.ChannelMessageWithSource, status: 204 });
    const embed = record.message?.embeds[0];
    expect(embed?.title).toBe('Statements by Sergey Lavrov');
    expect(embed?.description).toContain('Lavrov told reporters the meeting was “very useful”');
    expect(embed?.description).toContain('reason to believe that the American side has begun to better understand our position');
    expect(embed?.description).toMatch(/U\.S\.–Russia talks in Riyadh .* · 2025-02-18 · ¶5/);
    expect(embed?.footer?.text).toBe('Question: what did Lavrov say · results 1–2 of 2');
    expect(isEphemeral(record.message ?? undefined)).toBe(false);
  });

  it('/quotes narrows to a topic and highlights its words', async () => {
    const record = await h.fake.settled(h.fake.command('quotes', { speaker: 'Sergey Lavrov', topic: 'meeting' }));
    const description = record.message?.embeds[0]?.description ?? '';
    expect(description.indexOf('**meeting**')).toBeGreaterThan(0);
    expect(description.indexOf('Lavrov told reporters')).toBeLessThan(description.indexOf('reason to believe'));
  });

  it('/quotes works with a name typed without autocomplete', async () => {
    const record = await h.fake.settled(h.fake.command('quotes', { speaker: 'rubio' }));
    expect(record.message?.embeds[0]?.title).toBe('Statements by Marco Rubio');
  });

  it('/quotes for someone unknown says so and names the closest speakers', async () => {
    const record = await h.fake.settled(h.fake.command('quotes', { speaker: 'Quentin Albarello' }));
    const description = record.message?.embeds[0]?.description ?? '';
    expect(description).toMatch(/^No statements by Quentin Albarello in these articles\. Try: /);
  });

  it('/ask for a person who is only mentioned answers honestly', async () => {
    const record = await h.fake.settled(h.fake.command('ask', { question: 'what did Putin say' }));
    expect(record.message?.embeds[0]?.description).toMatch(/^No statements by Vladimir Putin in these articles/);
  });

  it('/sources lists the articles with their counts', async () => {
    const record = await h.fake.settled(h.fake.command('sources'));
    expect(record.message?.embeds[0]?.title).toBe('Sources (1 article)');
    expect(record.message?.embeds[0]?.description).toMatch(/2025-02-18 — 12 sentences, 7 statements/);
  });

  it('/help answers privately with examples', async () => {
    const record = await h.fake.settled(h.fake.command('help'));
    expect(isEphemeral(record.message ?? undefined)).toBe(true);
    expect(record.message?.embeds[0]?.description).toContain('what did Lavrov say');
  });

  it('autocomplete offers the most quoted speakers for an empty input, labelled with counts', async () => {
    const record = await h.fake.settled(h.fake.autocomplete('quotes', { speaker: '' }, 'speaker'));
    const choices = (record.responses[0]?.body.data as { choices: { name: string; value: string }[] }).choices;
    expect(record.responses[0]?.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    expect(choices.slice(0, 2).map((c) => c.value).sort()).toEqual(['Marco Rubio', 'Sergey Lavrov']);
    expect(choices).toContainEqual({ name: 'Sergey Lavrov · 2 statements', value: 'Sergey Lavrov' });
  });

  it.each([['lav'], ['serg'], ['LAVROV'], ['lavorv']])('autocomplete finds Lavrov from “%s”', async (input) => {
    const record = await h.fake.settled(h.fake.autocomplete('quotes', { speaker: input }, 'speaker'));
    const choices = (record.responses[0]?.body.data as { choices: { value: string }[] }).choices;
    expect(choices[0]?.value).toBe('Sergey Lavrov');
  });

  it('a private answer is ephemeral and can be posted publicly', async () => {
    const record = await h.fake.settled(h.fake.command('ask', { question: 'what did Rubio say', private: true }));
    expect(isEphemeral(record.message ?? undefined)).toBe(true);
    const click = await h.fake.settled(h.fake.click(record.message as APIMessage, buttonId(record.message, 'Post publicly')));
    expect(click.responses[0]?.type).toBe(InteractionResponseType.ChannelMessageWithSource);
    expect(isEphemeral(click.message ?? undefined)).toBe(false);
    expect(click.message?.embeds[0]?.description).toBe(record.message?.embeds[0]?.description);
    expect(buttons(click.message).map((b) => b.label)).not.toContain('Post publicly');
  });

  it('“Context” shows the quote’s paragraph with the quote in bold, privately', async () => {
    const record = await h.fake.settled(h.fake.command('ask', { question: 'what did Ushakov say' }));
    const click = await h.fake.settled(h.fake.click(record.message as APIMessage, buttonId(record.message, 'Context 1')));
    expect(isEphemeral(click.message ?? undefined)).toBe(true);
    expect(click.message?.embeds[0]?.title).toMatch(/^¶7 · /);
    expect(click.message?.embeds[0]?.description).toMatch(/^\*\*Separately, Yuri Ushakov/);
  });

  it.each([['v1:ctx:0.0000000000.12'], ['v1:ctx:0000000000.12'], ['v1:more:x'], ['garbage'], ['v0:more:5']])('a stale or malformed button (%s) gets a short private message', async (customId) => {
    const record = await h.fake.settled(h.fake.command('ask', { question: 'what did Lavrov say' }));
    const click = await h.fake.settled(h.fake.click(record.message as APIMessage, customId));
    expect(isEphemeral(click.message ?? undefined)).toBe(true);
    expect(`${click.message?.content}`).toMatch(/no longer works|has changed since/);
  });

  it('never pings: mentions in the question stay inert', async () => {
    const record = await h.fake.settled(h.fake.command('ask', { question: '@everyone @here <@123456789012345678> <@&234567890123456789> what did Lavrov say' }));
    expect(record.message?.embeds[0]?.title).toBe('Statements by Sergey Lavrov');
    expect(JSON.stringify(record.message?.embeds)).not.toMatch(/@everyone|@here|<@&?\d/);
    expect((record.responses[0]?.body.data as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it('answers a 6000-character question within the limits', async () => {
    const record = await h.fake.settled(h.fake.command('ask', { question: `what did Lavrov say ${'about the talks '.repeat(400)}`.slice(0, 6000) }));
    expect(record.responses[0]?.status).toBe(204);
    expect((record.message?.embeds[0]?.footer?.text ?? '').length).toBeLessThanOrEqual(2048);
  });

  it('answers 20 interactions at once, each exactly once', async () => {
    const questions = ['what did Lavrov say', 'what did Rubio say', 'embassy staffing', 'what did Trump say', 'who said the talks'];
    const records = Array.from({ length: 20 }, (_, i) => h.fake.command('ask', { question: questions[i % questions.length] ?? '' }));
    await Promise.all(records.map((r) => h.fake.settled(r)));
    for (const record of records) {
      expect(record.responses).toHaveLength(1);
      expect(record.responses[0]?.status).toBeLessThan(300);
    }
  });

  it('defers an interaction that arrives late, then edits in the answer', async () => {
    const record = await h.fake.settled(h.fake.command('ask', { question: 'what did Lavrov say' }, 2000));
    expect(record.responses.map((r) => [r.route, r.type, r.status])).toEqual([
      ['callback', InteractionResponseType.DeferredChannelMessageWithSource, 204],
      ['edit', null, 200],
    ]);
    expect(record.message?.embeds[0]?.title).toBe('Statements by Sergey Lavrov');
  });

  it('logs every interaction with its command, latency, result count and outcome; the question only at debug', async () => {
    const record = await h.fake.settled(h.fake.command('ask', { question: 'what did Lavrov say about Ilse' }));
    const id = record.payload.id;
    const logged = () => h.logs.find((l) => l.message === 'interaction' && l.fields.id === id);
    await expect.poll(logged).toBeDefined();
    expect(logged()).toMatchObject({ level: 'info', fields: { interaction: '/ask', outcome: 'ok', results: expect.any(Number), ms: expect.any(Number) } });
    const mentioning = h.logs.filter((l) => JSON.stringify(l.fields).includes('about Ilse'));
    expect(mentioning.map((l) => l.level)).toEqual(['debug']);
  });

  it('survives an interaction past the 3 s deadline (10062): logs it and keeps serving', async () => {
    const late = h.fake.command('ask', { question: 'what did Lavrov say' }, 3500);
    await h.fake.responses(late, 1);
    expect(late.responses[0]?.code).toBe(10062);
    await expect.poll(() => h.logs.some((l) => l.level === 'error' && l.fields.code === 10062)).toBe(true);
    const next = await h.fake.settled(h.fake.command('help'));
    expect(next.responses[0]?.status).toBe(204);
  });
});

describe('with answers that overflow every limit', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness(overflowingCorpus());
  });
  afterAll(async () => {
    expect(h.fake.violations).toEqual([]);
    await h?.stop();
  });

  it('cuts between results, says how many remain, and pages with “More”', async () => {
    const record = await h.fake.settled(h.fake.command('quotes', { speaker: 'Odile Marchetti-Vance', topic: 'accord river' }));
    expect(record.responses[0]?.status).toBe(204);
    const first = record.message?.embeds[0];
    const shown = /results 1–(\d+) of 14$/.exec(first?.footer?.text ?? '');
    expect(shown).not.toBeNull();
    expect(Number(shown?.[1])).toBeLessThan(14);
    expect(text(first).length).toBeLessThanOrEqual(6000);
    expect(first?.description).toContain('**accord**');
    const more = await h.fake.settled(h.fake.click(record.message as APIMessage, buttonId(record.message, 'More')));
    expect(more.responses[0]).toMatchObject({ type: InteractionResponseType.UpdateMessage, status: 204 });
    expect(more.message?.embeds[0]?.footer?.text).toMatch(new RegExp(`results ${Number(shown?.[1]) + 1}–\\d+ of 14$`));
  });

  it('escapes the article’s markdown and mentions', async () => {
    const record = await h.fake.settled(h.fake.command('quotes', { speaker: 'Odile Marchetti-Vance' }));
    const description = record.message?.embeds[0]?.description ?? '';
    expect(description).toContain('\\*\\*accord\\*\\*');
    expect(description).toContain('\\_river\\_');
    expect(description).not.toMatch(/(?<!\\)<@\d/);
    expect(description).not.toMatch(/@everyone/);
  });

  it('offers at most 25 autocomplete choices', async () => {
    const record = await h.fake.settled(h.fake.autocomplete('quotes', { speaker: '' }, 'speaker'));
    expect(record.responses[0]?.status).toBe(204);
    expect((record.responses[0]?.body.data as { choices: unknown[] }).choices).toHaveLength(25);
  });

  it('keeps /sources within the limits with a very long headline', async () => {
    const record = await h.fake.settled(h.fake.command('sources'));
    expect(record.responses[0]?.status).toBe(204);
  });
});
