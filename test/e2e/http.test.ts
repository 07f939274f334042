import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { InteractionResponseType, InteractionType, MessageFlags, type APIMessage } from 'discord-api-types/v10';
import { Events, type Interaction } from 'discord.js';
import { FakeDiscord, isEphemeral, type InteractionRecord } from '../fake-discord/server.js';
import { startHarness, type Harness } from '../helpers/bot.js';
import { startReplica, type Replica } from '../helpers/http.js';
import { Verbatim } from '../../src/verbatim.js';
import { InteractionTransport } from '../../src/http/transport.js';
import { silentLogger } from '../../src/log.js';
import { article } from '../helpers/articles.js';

type Button = { label?: string; custom_id?: string };
const buttonId = (message: APIMessage | null, label: string) => {
  const id = (message?.components ?? []).flatMap((row) => ('components' in row ? (row.components as Button[]) : [])).find((b) => b.label === label)?.custom_id;
  if (!id) throw new Error(`no button "${label}"`);
  return id;
};
/** What a reader sees of a message: its text, embeds and buttons (not its ids or times). */
const visible = (record: InteractionRecord) => ({
  content: record.message?.content ?? '', embeds: record.message?.embeds ?? [], components: record.message?.components ?? [],
  ephemeral: isEphemeral(record.message ?? undefined),
});

const corpus = Verbatim.fromFolder('corpus');
const PING = JSON.stringify({ id: '1', application_id: '2', type: InteractionType.Ping, token: 't', version: 1 });

describe('HTTP interactions (contracts §7)', () => {
  let fake: FakeDiscord;
  let first: Replica;

  beforeAll(async () => {
    fake = await FakeDiscord.start();
    first = await startReplica(fake, corpus);
    fake.sendTo(first.url);
  });
  afterAll(async () => {
    expect(fake.violations).toEqual([]);
    expect(fake.unknownRoutes).toEqual([]);
    await first?.stop();
    await fake?.close();
  });

  const post = (body: string, headers: Record<string, string>) =>
    fetch(first.url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });

  it('answers a signed PING with {"type":1}', async () => {
    const response = await post(PING, fake.signatureHeaders(PING));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ type: 1 });
  });

  it('refuses bad, tampered, stale-key and missing signatures with 401 before reading the body', async () => {
    const headers = fake.signatureHeaders(PING);
    const bad = { ...headers, 'x-signature-ed25519': headers['x-signature-ed25519']!.replace(/^./, (c) => (c === '0' ? '1' : '0')) };
    expect((await post(PING, bad)).status).toBe(401);
    expect((await post(PING.replace('"t"', '"u"'), headers)).status).toBe(401);
    expect((await post(PING, { 'x-signature-timestamp': headers['x-signature-timestamp']! })).status).toBe(401);
    expect((await post(PING, {})).status).toBe(401);
    // Signed by another key (another application's): refused as well.
    const other = await FakeDiscord.start();
    try {
      expect((await post(PING, other.signatureHeaders(PING))).status).toBe(401);
    } finally {
      await other.close();
    }
    // Even a body that is not JSON is refused for its signature first, never parsed.
    expect((await post('{{{', {})).status).toBe(401);
  });

  it('answers a signed body that is not JSON with 400, a GET with 405, an unknown path with 404', async () => {
    expect((await post('{{{', fake.signatureHeaders('{{{'))).status).toBe(400);
    expect((await fetch(first.url)).status).toBe(405);
    expect((await fetch(first.url.replace('/interactions', '/nothing'))).status).toBe(404);
  });

  it('refuses a body too large to be an interaction with 413', async () => {
    const huge = 'x'.repeat(2 << 20);
    expect((await post(huge, fake.signatureHeaders(huge))).status).toBe(413);
  });

  it('gives every command the same answer as gateway mode: the mode changes the transport, not the answers', async () => {
    const gateway: Harness = await startHarness(corpus);
    try {
      const commands: [string, Record<string, string | boolean>][] = [
        ['ask', { question: 'what did Lavrov say' }], ['ask', { question: 'embassies', private: true }], ['quotes', { speaker: 'Rubio' }],
        ['sources', {}], ['help', {}], ['timeline', { speaker: 'Lavrov' }], ['compare', { first: 'Lavrov', second: 'Rubio' }],
        ['whosaid', { quote: 'very useful' }], ['ask', { question: '' }], ['reindex', {}],
      ];
      for (const [name, values] of commands) {
        const viaHttp = await fake.settled(fake.command(name, values));
        const viaGateway = await gateway.fake.settled(gateway.fake.command(name, values));
        expect(viaHttp.acknowledged, `/${name}`).toBe(viaGateway.acknowledged);
        expect(visible(viaHttp), `/${name} ${JSON.stringify(values)}`).toEqual(visible(viaGateway));
      }
    } finally {
      await gateway.stop();
    }
  });

  it('answers autocomplete with the same choices as gateway mode', async () => {
    const record = await fake.settled(fake.autocomplete('quotes', { speaker: 'lav' }, 'speaker'));
    expect(record.responses[0]?.type).toBe(InteractionResponseType.ApplicationCommandAutocompleteResult);
    const choices = (record.responses[0]?.body.data as { choices: { value: string }[] }).choices;
    expect(choices[0]?.value).toBe('Sergey Lavrov');
    const gateway: Harness = await startHarness(corpus);
    try {
      const same = await gateway.fake.settled(gateway.fake.autocomplete('quotes', { speaker: 'lav' }, 'speaker'));
      expect(same.responses[0]?.body.data).toEqual(record.responses[0]?.body.data);
    } finally {
      await gateway.stop();
    }
  });

  it('answers buttons on the other replica: they need nothing but the message they are on', async () => {
    // Fourteen statements by an invented person: more than one page.
    const paragraphs = Array.from({ length: 14 }, (_, n) => `“Point ${n + 1} of the river accord still needs work,” said Odile Marchetti-Vance.`);
    const pages = Verbatim.fromCorpus({ articles: [article(paragraphs, 'corpus/accord.md', 'The river accord')], failures: [] });
    const a = await startReplica(fake, pages);
    const b = await startReplica(fake, pages);
    try {
      fake.sendTo(a.url);
      const asked = await fake.settled(fake.command('quotes', { speaker: 'Odile Marchetti-Vance', private: true }));
      fake.sendTo(b.url);
      const more = await fake.settled(fake.click(asked.message as APIMessage, buttonId(asked.message, 'More')));
      expect(more.responses[0]).toMatchObject({ type: InteractionResponseType.UpdateMessage });
      expect(more.message?.embeds[0]?.footer?.text).toMatch(/results \d+–\d+ of 14$/);
      expect(more.message?.embeds[0]?.footer?.text).not.toBe(asked.message?.embeds[0]?.footer?.text);
      const posted = await fake.settled(fake.click(asked.message as APIMessage, buttonId(asked.message, 'Post publicly')));
      expect(posted.acknowledged).toBe(InteractionResponseType.ChannelMessageWithSource);
      expect(posted.message?.embeds[0]?.description).toBe(asked.message?.embeds[0]?.description);
      expect(isEphemeral(posted.message ?? undefined)).toBe(false);
      expect(b.logs.filter((line) => line.message === 'interaction' && line.fields.interaction === 'button')).toHaveLength(2);
      expect(a.logs.some((line) => line.fields.interaction === 'button')).toBe(false);
    } finally {
      fake.sendTo(first.url);
      await a.stop();
      await b.stop();
    }
  });

  it('an interaction that arrives late is deferred and its answer follows as an edit', async () => {
    const record = await fake.settled(fake.command('ask', { question: 'what did Lavrov say' }, 1800));
    expect(record.responses[0]).toMatchObject({ route: 'callback', type: InteractionResponseType.DeferredChannelMessageWithSource });
    expect(record.responses[1]).toMatchObject({ route: 'edit', status: 200 });
    expect(record.message?.embeds[0]?.title).toBe('Statements by Sergey Lavrov');
  });

  it('serves /healthz and Prometheus metrics of the interactions answered', async () => {
    const health = await fetch(first.url.replace('/interactions', '/healthz'));
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ready' });
    const metrics = await fetch(first.url.replace('/interactions', '/metrics'));
    expect(metrics.headers.get('content-type')).toMatch(/^text\/plain/);
    const text = await metrics.text();
    expect(text).toMatch(/verbatim_interactions_total\{command="ask",outcome="ok"\} [1-9]/);
    expect(text).toMatch(/verbatim_interaction_duration_seconds_bucket\{le="0.05",command="ask"\} \d+/);
    expect(text).toMatch(new RegExp(`verbatim_index_sentences ${corpus.index.sentenceCount}\\b`));
    expect(text).toMatch(/verbatim_index_age_seconds \d/);
  });
});

describe('an endpoint whose index is not open yet', () => {
  it('says 503 on /healthz, still answers PING, and tells a command to ask again', async () => {
    const fake = await FakeDiscord.start();
    const replica = await startReplica(fake, corpus, {}, () => false);
    fake.sendTo(replica.url);
    try {
      expect((await fetch(replica.url.replace('/interactions', '/healthz'))).status).toBe(503);
      const ping = await fetch(replica.url, { method: 'POST', headers: fake.signatureHeaders(PING), body: PING });
      expect(await ping.json()).toEqual({ type: 1 });
      const record = await fake.settled(fake.command('ask', { question: 'what did Lavrov say' }));
      expect(record.message?.content).toMatch(/starting/);
      expect(isEphemeral(record.message ?? undefined)).toBe(true);
    } finally {
      await replica.stop();
      await fake.close();
    }
  });
});

describe('the transport', () => {
  it('defers a reply that is not ready within 2 s (private when asked privately), then sends it as an edit', async () => {
    const fake = await FakeDiscord.start();
    const replica = await startReplica(fake, corpus);
    // A second, slow listener stands in for a command that takes 2.5 s.
    const transport = new InteractionTransport(fake.apiBase, silentLogger);
    transport.client.on(Events.InteractionCreate, (interaction: Interaction) => {
      if (!interaction.isChatInputCommand()) return;
      setTimeout(() => void interaction.reply({ content: 'slow answer', flags: MessageFlags.Ephemeral, allowedMentions: { parse: [] } }), 2500);
    });
    const { startInteractionsServer } = await import('../../src/http/server.js');
    const { publicKeyFromHex } = await import('../../src/http/signature.js');
    const server = await startInteractionsServer({
      port: 0, host: '127.0.0.1', publicKey: publicKeyFromHex(fake.publicKeyHex), log: silentLogger,
      answer: (payload) => transport.answer(payload), ready: () => true, metrics: async () => ({ contentType: 'text/plain', text: '' }),
    });
    fake.sendTo(`http://127.0.0.1:${server.port}/interactions`);
    try {
      const record = await fake.settled(fake.command('ask', { question: 'anything', private: true }), 8000);
      expect(record.responses[0]).toMatchObject({ route: 'callback', type: InteractionResponseType.DeferredChannelMessageWithSource, status: 204 });
      expect(isEphemeral(record.responses[0]?.body.data as { flags?: number })).toBe(true);
      expect(record.responses[0]!.at - record.sentAt).toBeLessThan(3000);
      expect(record.responses[1]).toMatchObject({ route: 'edit', status: 200 });
      expect(record.message?.content).toBe('slow answer');
      expect(isEphemeral(record.message ?? undefined)).toBe(true);
    } finally {
      await server.close(1000);
      transport.destroy();
      await replica.stop();
      await fake.close();
    }
  });
});
