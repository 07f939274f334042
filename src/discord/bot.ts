import { Client, Events, GatewayIntentBits, MessageFlags, type Interaction } from 'discord.js';
import type { Config } from '../config.js';
import type { BotContext } from './context.js';
import { limitsFrom, routeInteraction } from './router.js';
import { NO_MENTIONS } from './respond.js';
import { errorFields } from '../log.js';

/** A running bot: its client, and a graceful stop. */
export interface Bot {
  client: Client;
  /** Stops taking interactions, lets those under way finish (up to `graceMs`), then closes the connection. */
  stop(graceMs?: number): Promise<void>;
}

const DEFAULT_GRACE_MS = 10_000;
const DESTROY_GRACE_MS = 3000;
const RESTARTING = 'Verbatim is restarting: ask again in a moment.';

/**
 * The discord.js client: the Guilds intent only (slash commands need no more), all shards in
 * one process, no mentions parsed from anything it sends, and the REST base from
 * DISCORD_API_BASE when set.
 */
export function createBot(config: Pick<Config, 'apiBase' | 'rateLimit'>, context: BotContext): Bot {
  const client = new Client({
    intents: [GatewayIntentBits.Guilds],
    // As many gateway shards as Discord recommends, all in this one process: the index is
    // loaded once and shared by every shard (see the README on scaling past one process).
    // Started by discord.js's ShardingManager (src/shards.ts), a process runs the shards it is given.
    ...(process.env.SHARDS === undefined ? { shards: 'auto' as const } : {}),
    allowedMentions: NO_MENTIONS,
    ...(config.apiBase ? { rest: { api: config.apiBase } } : {}),
  });
  const handler = handleInteractions(client, config, context);
  client.once(Events.ClientReady, (ready) => {
    context.log.info({ user: ready.user.tag, guilds: ready.guilds.cache.size, shards: ready.shard?.ids ?? null }, 'connected to Discord');
  });
  client.on(Events.Error, (error) => context.log.error(errorFields(error), 'client error'));
  client.on(Events.Warn, (message) => context.log.warn({ warning: message }, 'client warning'));
  return {
    client,
    async stop(graceMs = DEFAULT_GRACE_MS) {
      await handler.drain(graceMs);
      // With Discord unreachable, destroy() can wait on reconnection for ever: it gets a few seconds.
      const closed = await Promise.race([client.destroy().then(() => true), new Promise<false>((resolve) => setTimeout(resolve, DESTROY_GRACE_MS, false).unref())]);
      if (!closed) context.log.warn({ ms: DESTROY_GRACE_MS }, 'the Discord connection did not close in time');
    },
  };
}

/** The interactions a client receives, routed within the limits; how many are under way; a graceful stop. */
export interface InteractionHandler {
  readonly inFlight: number;
  /** Stops taking interactions (new ones are turned away politely) and waits up to `graceMs` for those under way. */
  drain(graceMs?: number): Promise<void>;
}

/**
 * Routes every interaction the client emits (from the gateway, or from HTTP requests: see
 * src/http/transport.ts), so both modes answer through the same router, commands and renderers.
 */
export function handleInteractions(client: Client, config: Pick<Config, 'rateLimit'>, context: BotContext): InteractionHandler {
  const limits = limitsFrom(config);
  const inFlight = new Set<Promise<void>>();
  let stopping = false;
  client.on(Events.InteractionCreate, (interaction) => {
    if (stopping) {
      void turnAway(interaction).catch((error: unknown) => context.log.warn(errorFields(error), 'could not turn an interaction away'));
      return;
    }
    const work = routeInteraction(interaction, context, limits);
    inFlight.add(work);
    void work.finally(() => inFlight.delete(work));
  });
  return {
    get inFlight() {
      return inFlight.size;
    },
    async drain(graceMs = DEFAULT_GRACE_MS) {
      stopping = true;
      const pending = inFlight.size;
      const timer = new Promise<'timeout'>((resolve) => setTimeout(resolve, graceMs, 'timeout').unref());
      const finished = await Promise.race([Promise.allSettled([...inFlight]).then(() => 'done' as const), timer]);
      context.log.info({ pending, finished: finished === 'done' }, 'stopping: replies under way are finished');
    },
  };
}

/** While stopping, a new interaction gets a short private notice rather than silence. */
async function turnAway(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) await interaction.respond([]);
  else if (interaction.isRepliable()) await interaction.reply({ content: RESTARTING, flags: MessageFlags.Ephemeral, allowedMentions: NO_MENTIONS });
}

/** Logs in; the index must already be built, so the first interaction is answered at once. */
export async function startBot(config: Config, context: BotContext): Promise<Bot> {
  if (!config.token) throw new Error('DISCORD_TOKEN is not set');
  const bot = createBot(config, context);
  await bot.client.login(config.token);
  return bot;
}
