import { describe, it, expect } from 'vitest';
import { sentenceHash } from '../src/index/sentenceStore.js';

/** The definition the fast hash must agree with: FNV-1a of the text, whitespace runs as one space, lower case. */
function reference(text: string): number {
  const normalized = text.replace(/\s+/g, ' ').toLowerCase();
  let hash = 0x811c9dc5;
  for (let i = 0; i < normalized.length; i++) hash = Math.imul(hash ^ normalized.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

describe('sentence hashes (how wire copies are found)', () => {
  it('equal the hash of the text with whitespace collapsed and lower-cased', () => {
    const samples = ['Hello  World', '  leading\ttab\n', '“Quoted,” she said — ÉLAN Ünïcode', 'NBSP\u00a0here\u2003em\u3000wide',
      'İstanbul', 'emoji 😀 OK', '\ufeffBOM', '', 'ΑΘΗΝΑ', 'line\u2028break'];
    for (const text of samples) expect(sentenceHash(text), text).toBe(reference(text));
  });

  it('agree with the definition on random text of letters, marks, spaces and symbols', () => {
    const alphabet = ['a', 'Z', ' ', '\t', '\n', '\u00a0', 'É', 'ß', 'Ω', '’', '“', '0', '\u0301', '😀', 'İ', '\u2009'];
    let seed = 7;
    const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0);
    for (let n = 0; n < 500; n++) {
      const text = Array.from({ length: next() % 40 }, () => alphabet[next() % alphabet.length]).join('');
      expect(sentenceHash(text), JSON.stringify(text)).toBe(reference(text));
    }
  });

  it('is the same for copies that differ only in case and spacing, and differs otherwise', () => {
    expect(sentenceHash('The talks  will resume.')).toBe(sentenceHash('the talks will\nresume.'));
    expect(sentenceHash('The talks will resume.')).not.toBe(sentenceHash('The talks will not resume.'));
  });
});
