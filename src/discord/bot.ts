import { Client, Events, GatewayIntentBits } from 'discord.js';
import type { Config } from '../config.js';
import type { BotContext } from './context.js';
import { limitsFrom, routeInteraction } from './router.js';
import { NO_MENTIONS } from './respond.js';
import { errorFields } from '../log.js';

/**
 * The discord.js client: the Guilds intent only (slash commands need no more), all shards in
 * one process, no mentions
 * parsed from anything it sends, and the REST base from DISCORD_API_BASE when set.
 */
export function createClient(config: Pick<Config, 'apiBase' | 'rateLimit'>, context: BotContext): Client {
  const limits = limitsFrom(config);
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // As many gateway shards as Discord recommends, all in this one process: the index is
    // loaded once and shared by every shard (see the README on scaling past one process).
    shards: 'auto',
    allowedMentions: NO_MENTIONS,
    ...(config.apiBase ? { rest: { api: config.apiBase } } : {}),
  });
  client.on(Events.InteractionCreate, (interaction) => {
    void routeInteraction(interaction, context, limits);
  });
  client.once(Events.ClientReady, (ready) => {
    context.log.info({ user: ready.user.tag, guilds: ready.guilds.cache.size }, 'connected to Discord');
  });
  client.on(Events.Error, (error) => context.log.error(errorFields(error), 'client error'));
  client.on(Events.Warn, (message) => context.log.warn({ warning: message }, 'client warning'));
  return client;
}

/** Logs in; the index must already be built, so the first interaction is answered at once. */
export async function startBot(config: Config, context: BotContext): Promise<Client> {
  if (!config.token) throw new Error('DISCORD_TOKEN is not set');
  const client = createClient(config, context);
  await client.login(config.token);
  return client;
}
