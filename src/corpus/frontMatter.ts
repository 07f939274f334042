import { parse as parseYaml } from 'yaml';

export interface FrontMatterResult {
  data: Record<string, unknown>;
  body: string;
}

// The opening fence must be the very first line; the closing fence ends the block.
const FENCE = /^---[ \t]*\n([\s\S]*?)\n---[ \t]*(?:\n|$)/;

/**
 * Splits a Markdown file into its YAML front matter and body.
 * Uses the `yaml` package (YAML 1.2 core schema) rather than gray-matter, whose
 * `---js` front matter evaluates code from the file.
 * Throws an Error with a readable message when the YAML is malformed or not a mapping.
 */
export function parseFrontMatter(text: string): FrontMatterResult {
  const match = FENCE.exec(text);
  if (!match) return { data: {}, body: text };
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    throw new Error(`bad front matter: ${message}`);
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new Error('bad front matter: expected key: value pairs');
  }
  return { data: data as Record<string, unknown>, body: text.slice(match[0].length) };
}
