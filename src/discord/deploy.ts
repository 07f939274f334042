import { DiscordAPIError, REST, Routes } from 'discord.js';
import { commands } from '../../commands/index.js';
import { ConfigError, type Config } from '../config.js';

/**
 * `npm run deploy-commands`: registers the slash commands with one bulk overwrite (PUT), to
 * DISCORD_GUILD_ID when set (instant) or globally, so running it again never duplicates them.
 */
export async function deployCommands(config: Config): Promise<string> {
  if (!config.token) throw new ConfigError('DISCORD_TOKEN is not set: put the bot token in .env');
  if (!config.clientId) throw new ConfigError('DISCORD_CLIENT_ID is not set: put the application id in .env');
  const rest = new REST(config.apiBase ? { api: config.apiBase } : {}).setToken(config.token);
  const route = config.guildId ? Routes.applicationGuildCommands(config.clientId, config.guildId) : Routes.applicationCommands(config.clientId);
  const body = commands.map((command) => command.data.toJSON());
  try {
    await rest.put(route, { body });
  } catch (error) {
    throw new Error(explain(error, config));
  }
  const names = body.map((c) => `/${c.name}`).join(', ');
  return config.guildId ? `Deployed ${names} to guild ${config.guildId}.` : `Deployed ${names} globally (may take up to an hour to appear).`;
}

/** A message a person can act on, for the failures people actually meet. */
function explain(error: unknown, config: Config): string {
  if (error instanceof DiscordAPIError || (error instanceof Error && 'status' in error)) {
    const { status, code } = error as { status: number; code: number | string };
    if (status === 401) return 'Discord rejected the bot token (401 Unauthorized): check DISCORD_TOKEN, or reset it in the Developer Portal.';
    if (code === 50001 || status === 403) {
      return config.guildId
        ? `Missing access to guild ${config.guildId} (${code}): invite the bot with the "bot" and "applications.commands" scopes, and check DISCORD_GUILD_ID and DISCORD_CLIENT_ID.`
        : `Missing access (${code}): check that DISCORD_CLIENT_ID is this bot's application id.`;
    }
    if (status === 400) return `Discord refused the command definitions (${code}): ${error.message}`;
  }
  return `Could not deploy the commands: ${error instanceof Error ? error.message : String(error)}`;
}
