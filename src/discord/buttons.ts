/**
 * Button ids carry everything a click needs (Discord allows 100 characters), so buttons still
 * work after a restart: the question is read back from the message's footer.
 */
export type ButtonAction =
  | { kind: 'more'; offset: number }
  | { kind: 'public'; offset: number }
  | { kind: 'context'; locator: string }
  | { kind: 'sources'; page: number };

const PREFIX = 'v1';
const MAX_OFFSET = 1_000_000;

export function encodeButton(action: ButtonAction): string {
  switch (action.kind) {
    case 'more':
      return `${PREFIX}:more:${action.offset}`;
    case 'public':
      return `${PREFIX}:pub:${action.offset}`;
    case 'context':
      return `${PREFIX}:ctx:${action.locator}`;
    case 'sources':
      return `${PREFIX}:src:${action.page}`;
  }
}

/** The action of a button id, or null when it is malformed or from another version. */
export function decodeButton(customId: string): ButtonAction | null {
  const [prefix, kind, value = '', ...rest] = customId.split(':');
  if (prefix !== PREFIX || rest.length > 0) return null;
  if (kind === 'more' || kind === 'pub') {
    if (!/^\d{1,7}$/.test(value) || Number(value) > MAX_OFFSET) return null;
    return { kind: kind === 'more' ? 'more' : 'public', offset: Number(value) };
  }
  if (kind === 'ctx' && /^\d{1,7}\.[0-9a-f]{10}\.\d{1,9}$/.test(value)) return { kind: 'context', locator: value };
  if (kind === 'src' && /^\d{1,6}$/.test(value)) return { kind: 'sources', page: Number(value) };
  return null;
}
