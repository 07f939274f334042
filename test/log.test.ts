import { describe, it, expect } from 'vitest';
import { Writable } from 'node:stream';
import { createLogger } from '../src/log.js';

function capture(): { stream: Writable; lines: () => Record<string, unknown>[] } {
  let text = '';
  const stream = new Writable({ write(chunk, _encoding, done) { text += String(chunk); done(); } });
  return { stream, lines: () => text.trim().split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>) };
}

describe('the log (pino)', () => {
  it('writes one JSON object a line, with time, level and message', () => {
    const { stream, lines } = capture();
    createLogger('info', stream).info({ interaction: '/ask', ms: 12, outcome: 'ok', results: 3 }, 'interaction');
    expect(lines()).toEqual([expect.objectContaining({ level: 30, msg: 'interaction', interaction: '/ask', ms: 12, outcome: 'ok', results: 3, time: expect.any(String) })]);
  });

  it('leaves out debug lines (where question text goes) unless LOG_LEVEL=debug', () => {
    const quiet = capture();
    createLogger('info', quiet.stream).debug({ asked: { question: 'what did Ilse say' } }, 'asked');
    expect(quiet.lines()).toEqual([]);
    const verbose = capture();
    createLogger('debug', verbose.stream).debug({ asked: { question: 'what did Ilse say' } }, 'asked');
    expect(verbose.lines()[0]).toMatchObject({ asked: { question: 'what did Ilse say' } });
  });

  it('censors fields that could hold a credential', () => {
    const { stream, lines } = capture();
    createLogger('info', stream).warn({ token: 'secret.token.value', request: { headers: { authorization: 'Bot secret' } }, config: { token: 'x' } }, 'oops');
    expect(JSON.stringify(lines())).not.toContain('secret');
    expect(lines()[0]).toMatchObject({ token: '[redacted]', config: { token: '[redacted]' } });
  });
});
