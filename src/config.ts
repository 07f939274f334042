import { LOG_LEVELS, type LogLevel } from './log.js';

/** Configuration from the environment (contracts §3), checked once at start. */
export interface Config {
  /** Never printed or logged, not even in part. */
  token: string | null;
  clientId: string | null;
  guildId: string | null;
  apiBase: string | null;
  corpusDir: string;
  rateLimit: { count: number; seconds: number } | null;
  cacheDir: string;
  /** LOG_LEVEL: not in contracts §3, an optional addition (default info; debug logs question text). */
  logLevel: LogLevel;
}

/** A variable that is set but malformed. The message names the variable, never a token's value. */
export class ConfigError extends Error {}

const SNOWFLAKE = /^\d{15,21}$/;
const DEFAULT_RATE_LIMIT = { count: 5, seconds: 10 };

/** Reads the configuration; an empty variable means its default (as a fresh .env leaves it). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const value = (name: string) => {
    const raw = env[name]?.trim();
    return raw ? raw : null;
  };
  const token = value('DISCORD_TOKEN');
  if (token !== null && /\s/.test(token)) throw new ConfigError('DISCORD_TOKEN is malformed: it contains spaces');
  return {
    token,
    clientId: snowflake('DISCORD_CLIENT_ID', value('DISCORD_CLIENT_ID')),
    guildId: snowflake('DISCORD_GUILD_ID', value('DISCORD_GUILD_ID')),
    apiBase: url('DISCORD_API_BASE', value('DISCORD_API_BASE')),
    corpusDir: value('CORPUS_DIR') ?? 'corpus',
    rateLimit: rateLimit(value('RATE_LIMIT')),
    cacheDir: value('CACHE_DIR') ?? '.cache',
    logLevel: logLevel(value('LOG_LEVEL')),
  };
}

function logLevel(raw: string | null): LogLevel {
  if (raw === null) return 'info';
  const level = LOG_LEVELS.find((l) => l === raw.toLowerCase());
  if (!level) throw new ConfigError(`LOG_LEVEL is malformed: expected one of ${LOG_LEVELS.join(', ')}; got "${raw}"`);
  return level;
}

function snowflake(name: string, raw: string | null): string | null {
  if (raw !== null && !SNOWFLAKE.test(raw)) throw new ConfigError(`${name} is malformed: expected a Discord id (15 to 21 digits), got "${raw}"`);
  return raw;
}

function url(name: string, raw: string | null): string | null {
  if (raw === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} is malformed: expected an http(s) URL, got "${raw}"`);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
    throw new ConfigError(`${name} is malformed: expected an http(s) URL, got "${raw}"`);
  }
  return raw.replace(/\/+$/, '');
}

function rateLimit(raw: string | null): Config['rateLimit'] {
  if (raw === null) return DEFAULT_RATE_LIMIT;
  if (raw.toLowerCase() === 'off') return null;
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(raw);
  const count = Number(match?.[1]);
  const seconds = Number(match?.[2]);
  if (!match || count < 1 || seconds < 1) {
    throw new ConfigError(`RATE_LIMIT is malformed: expected COUNT/SECONDS such as 5/10, or off; got "${raw}"`);
  }
  return { count, seconds };
}
