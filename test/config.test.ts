import { describe, it, expect } from 'vitest';
import { readConfig, ConfigError, DEFAULT_USER_AGENT } from '../src/config.js';

describe('readConfig', () => {
  it('gives the defaults for an empty environment and for empty variables', () => {
    for (const env of [{}, { DISCORD_TOKEN: '', CORPUS_DIR: '', RATE_LIMIT: '', CACHE_DIR: ' ' }]) {
      expect(readConfig(env)).toEqual({
        token: null, clientId: null, guildId: null, apiBase: null, corpusDir: 'corpus',
        rateLimit: { count: 5, seconds: 10 }, cacheDir: '.cache', logLevel: 'info',
        feedsFile: 'feeds.yaml', userAgent: DEFAULT_USER_AGENT, allowPrivateUrls: false, publicKey: null, port: 3000,
      });
    }
  });

  it('reads every variable', () => {
    const config = readConfig({
      DISCORD_TOKEN: 'abc.def.ghi', DISCORD_CLIENT_ID: '123456789012345678', DISCORD_GUILD_ID: '876543210987654321',
      DISCORD_API_BASE: 'http://127.0.0.1:8080/api/', CORPUS_DIR: 'news', RATE_LIMIT: '3/60', CACHE_DIR: '/tmp/c',
      LOG_LEVEL: 'DEBUG', FEEDS_FILE: 'conf/feeds.yaml', FETCH_USER_AGENT: 'NewsDesk/2.0 (+mailto:desk@example.org)', ALLOW_PRIVATE_URLS: '1',
      DISCORD_PUBLIC_KEY: 'ab'.repeat(32), PORT: '8443',
    });
    expect(config).toEqual({
      token: 'abc.def.ghi', clientId: '123456789012345678', guildId: '876543210987654321',
      apiBase: 'http://127.0.0.1:8080/api', corpusDir: 'news', rateLimit: { count: 3, seconds: 60 }, cacheDir: '/tmp/c',
      logLevel: 'debug', feedsFile: 'conf/feeds.yaml', userAgent: 'NewsDesk/2.0 (+mailto:desk@example.org)', allowPrivateUrls: true,
      publicKey: 'ab'.repeat(32), port: 8443,
    });
    expect(readConfig({ RATE_LIMIT: 'OFF' }).rateLimit).toBeNull();
  });

  it.each([
    [{ DISCORD_CLIENT_ID: 'my-app' }, /DISCORD_CLIENT_ID is malformed/],
    [{ DISCORD_GUILD_ID: '12' }, /DISCORD_GUILD_ID is malformed/],
    [{ DISCORD_API_BASE: 'localhost:3000' }, /DISCORD_API_BASE is malformed/],
    [{ DISCORD_API_BASE: 'ftp://proxy' }, /DISCORD_API_BASE is malformed/],
    [{ RATE_LIMIT: 'five per ten' }, /RATE_LIMIT is malformed/],
    [{ RATE_LIMIT: '0/10' }, /RATE_LIMIT is malformed/],
    [{ LOG_LEVEL: 'verbose' }, /LOG_LEVEL is malformed/],
    [{ ALLOW_PRIVATE_URLS: 'yes please' }, /ALLOW_PRIVATE_URLS is malformed/],
    [{ FETCH_USER_AGENT: 'Verbatim\u00e9\n' }, /FETCH_USER_AGENT is malformed/],
    [{ DISCORD_PUBLIC_KEY: 'not-a-key' }, /DISCORD_PUBLIC_KEY is malformed/],
    [{ DISCORD_PUBLIC_KEY: 'ab'.repeat(31) }, /DISCORD_PUBLIC_KEY is malformed/],
    [{ PORT: 'eighty' }, /PORT is malformed/],
    [{ PORT: '70000' }, /PORT is malformed/],
  ])('names the malformed variable: %j', (env, message) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(message);
  });

  it('the default User-Agent names Verbatim and its version', () => {
    expect(DEFAULT_USER_AGENT).toMatch(/^Verbatim\/\d+\.\d+\.\d+ \(/);
  });

  it('never puts the token in an error', () => {
    const secret = 'MTIzNDU2 Nzg5.secret part';
    let message = '';
    try {
      readConfig({ DISCORD_TOKEN: secret });
    } catch (error) {
      message = String(error);
    }
    expect(message).toContain('DISCORD_TOKEN is malformed');
    expect(message).not.toContain('MTIz');
    expect(message).not.toContain('secret');
  });
});
