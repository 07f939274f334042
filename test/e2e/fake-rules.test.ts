import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { InteractionResponseType } from 'discord-api-types/v10';
import { WebSocket } from 'ws';
import { FakeDiscord } from '../fake-discord/server.js';
import { deployCommands } from '../../src/discord/deploy.js';
import { readConfig } from '../../src/config.js';

// The fake must refuse what Discord refuses, or a green end-to-end run proves nothing.
let fake: FakeDiscord;
let socket: WebSocket;
beforeAll(async () => {
  fake = await FakeDiscord.start();
  socket = new WebSocket(fake.gatewayUrl);
  await new Promise((resolve) => socket.once('message', resolve));
  socket.send(JSON.stringify({ op: 2, d: { token: fake.token, intents: 1, properties: {} } }));
  await fake.ready();
});
afterAll(async () => {
  socket.close();
  await fake.close();
});

const callback = (id: string, token: string, body: unknown) =>
  fetch(`${fake.apiBase}/v10/interactions/${id}/${token}/callback`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
const message = (data: Record<string, unknown>) => ({ type: InteractionResponseType.ChannelMessageWithSource, data: { allowed_mentions: { parse: [] }, ...data } });

describe('the fake enforces Discord’s rules', () => {
  it('answers 40060 to a second acknowledgement', async () => {
    const { payload } = fake.command('help');
    expect((await callback(payload.id, payload.token, message({ content: 'one' }))).status).toBe(204);
    const second = await callback(payload.id, payload.token, message({ content: 'two' }));
    expect(second.status).toBe(400);
    expect(await second.json()).toMatchObject({ code: 40060 });
  });

  it('answers 10062 past the 3 s deadline', async () => {
    const { payload } = fake.command('help', {}, 3100);
    const response = await callback(payload.id, payload.token, message({ content: 'late' }));
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ code: 10062 });
  });

  it.each([
    ['content over 2000', { content: 'x'.repeat(2001) }],
    ['a title over 256', { embeds: [{ title: 'x'.repeat(257) }] }],
    ['a description over 4096', { embeds: [{ description: 'x'.repeat(4097) }] }],
    ['embeds over 6000 in all', { embeds: [{ description: 'x'.repeat(4000) }, { description: 'x'.repeat(2001) }] }],
    ['more than 10 embeds', { embeds: Array.from({ length: 11 }, () => ({ description: 'x' })) }],
    ['a field value over 1024', { embeds: [{ fields: [{ name: 'n', value: 'x'.repeat(1025) }] }] }],
    ['a custom_id over 100', { components: [{ type: 1, components: [{ type: 2, style: 1, label: 'b', custom_id: 'x'.repeat(101) }] }] }],
  ])('answers 50035 for %s', async (_, data) => {
    const { payload } = fake.command('help');
    const response = await callback(payload.id, payload.token, message(data));
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ code: 50035 });
  });

  it('answers 50035 for more than 25 autocomplete choices', async () => {
    const { payload } = fake.autocomplete('quotes', { speaker: '' }, 'speaker');
    const choices = Array.from({ length: 26 }, (_, i) => ({ name: `n${i}`, value: `v${i}` }));
    const response = await callback(payload.id, payload.token, { type: InteractionResponseType.ApplicationCommandAutocompleteResult, data: { choices } });
    expect(await response.json()).toMatchObject({ code: 50035 });
  });

  it('takes follow-ups and @original edits only after an acknowledgement', async () => {
    const { payload } = fake.command('help');
    const webhook = `${fake.apiBase}/v10/webhooks/${fake.world.applicationId}/${payload.token}`;
    const body = JSON.stringify({ content: 'more', allowed_mentions: { parse: [] } });
    const early = await fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(early.status).toBe(404);
    await callback(payload.id, payload.token, { type: InteractionResponseType.DeferredChannelMessageWithSource });
    const edit = await fetch(`${webhook}/messages/%40original`, { method: 'PATCH', headers: { 'content-type': 'application/json' }, body });
    expect(edit.status).toBe(200);
    const followUp = await fetch(webhook, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(await followUp.json()).toMatchObject({ content: 'more' });
  });

  it('flags a reply whose allowed_mentions could ping', async () => {
    const before = fake.violations.length;
    const { payload } = fake.command('help');
    await callback(payload.id, payload.token, { type: InteractionResponseType.ChannelMessageWithSource, data: { content: '@everyone hi' } });
    expect(fake.violations.slice(before)).toEqual([expect.objectContaining({ rule: 'allowed_mentions' })]);
  });
});

describe('npm run deploy-commands, against the fake', () => {
  const env = () => ({ DISCORD_TOKEN: fake.token, DISCORD_CLIENT_ID: fake.world.applicationId, DISCORD_API_BASE: fake.apiBase });

  it('overwrites the guild’s commands in one PUT, and again without duplicates', async () => {
    const config = readConfig({ ...env(), DISCORD_GUILD_ID: fake.world.guildId });
    expect(await deployCommands(config)).toBe(`Deployed /ask, /quotes, /sources, /help, /reindex, /add, /timeline, /compare, /whosaid to guild ${fake.world.guildId}.`);
    await deployCommands(config);
    const puts = fake.registered.filter((r) => r.route.includes('/guilds/'));
    expect(puts).toHaveLength(2);
    for (const put of puts) expect(put.body.map((c) => c.name)).toEqual(['ask', 'quotes', 'sources', 'help', 'reindex', 'add', 'timeline', 'compare', 'whosaid']);
    const quotes = puts[0]?.body.find((c) => c.name === 'quotes') as { options: { name: string; autocomplete?: boolean }[] };
    expect(quotes.options.find((o) => o.name === 'speaker')?.autocomplete).toBe(true);
  });

  it('deploys globally without a guild', async () => {
    expect(await deployCommands(readConfig(env()))).toMatch(/globally/);
    expect(fake.registered.at(-1)?.route).toBe(`/applications/${fake.world.applicationId}/commands`);
  });

  it('explains a rejected token without printing it', async () => {
    const error = await deployCommands(readConfig({ ...env(), DISCORD_TOKEN: 'not.the.token' })).catch((e: Error) => e);
    expect(String(error)).toMatch(/rejected the bot token \(401 Unauthorized\)/);
    expect(String(error)).not.toContain('not.the.token');
  });

  it('explains missing access (applications.commands scope, wrong ids)', async () => {
    const error = await deployCommands(readConfig({ ...env(), DISCORD_CLIENT_ID: '111111111111111111', DISCORD_GUILD_ID: fake.world.guildId })).catch((e: Error) => e);
    expect(String(error)).toMatch(/applications\.commands/);
  });
});
