import type { Client } from 'discord.js';
import { FakeDiscord } from '../fake-discord/server.js';
import { startBot } from '../../src/discord/bot.js';
import { readConfig } from '../../src/config.js';
import { Verbatim } from '../../src/verbatim.js';
import type { Logger } from '../../src/log.js';
import type { BotContext } from '../../src/discord/context.js';

export interface LogLine {
  level: string;
  fields: Record<string, unknown>;
  message: string;
}

/** The real discord.js client, logged into a fresh fake Discord on loopback. */
export interface Harness {
  fake: FakeDiscord;
  client: Client;
  logs: LogLine[];
  stop(): Promise<void>;
}

export function recordingLogger(lines: LogLine[]): Logger {
  const at = (level: string) => (fields: Record<string, unknown>, message: string) => void lines.push({ level, fields, message });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** `env` adds variables: by default there is no rate limit, since one fake user asks everything. */
export async function startHarness(verbatim: Verbatim = Verbatim.fromFolder('corpus'), env: Record<string, string> = {}, extra: Partial<BotContext> = {}): Promise<Harness> {
  const fake = await FakeDiscord.start({ heartbeatMs: 250 });
  const logs: LogLine[] = [];
  const config = readConfig({ DISCORD_TOKEN: fake.token, DISCORD_API_BASE: fake.apiBase, RATE_LIMIT: 'off', ...env });
  const ready = fake.ready();
  const bot = await startBot(config, { verbatim: () => verbatim, log: recordingLogger(logs), ...extra });
  await ready;
  return {
    fake, client: bot.client, logs,
    async stop() {
      await bot.stop(1000);
      await fake.close();
    },
  };
}
