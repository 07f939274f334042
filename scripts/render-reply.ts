/**
 * Renders what the bot posts for a question as a picture for the README: runs the real bot
 * against the loopback fake Discord, takes the recorded message payload, lays it out as Discord
 * would (dark theme), and screenshots it with headless Chromium when one is installed.
 *
 *   npx tsx scripts/render-reply.ts "what did Lavrov say" docs/reply
 */
import { writeFileSync, existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import type { APIEmbed, APIMessage } from 'discord-api-types/v10';
import { startHarness } from '../test/helpers/bot.js';

const question = process.argv[2] ?? 'what did Lavrov say';
const out = process.argv[3] ?? 'docs/reply';

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The small part of Discord markdown that the bot's embeds use. */
function markdown(text: string): string {
  return text
    .split('\n')
    .map((line) => {
      const quoted = line.startsWith('> ');
      let html = escapeHtml(quoted ? line.slice(2) : line)
        .replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>')
        .replace(/\[([^\]]+)\]\(([^)]+)\)/g, '<a href="$2">$1</a>')
        .replace(/\\([*_~`|<>#\-[\]()\\])/g, '$1');
      if (quoted) html = `<div class="quote">${html}</div>`;
      return html;
    })
    .join('<br>')
    .replace(/<\/div><br>/g, '</div>');
}

function embedHtml(embed: APIEmbed): string {
  return `<div class="embed"><div class="title">${escapeHtml(embed.title ?? '')}</div>
    <div class="description">${markdown(embed.description ?? '')}</div>
    <div class="footer">${escapeHtml(embed.footer?.text ?? '')}</div></div>`;
}

function pageHtml(message: APIMessage): string {
  type Button = { label?: string; style?: number };
  const buttons = (message.components ?? []).flatMap((row) => ('components' in row ? (row.components as Button[]) : []))
    .map((b) => `<span class="button ${b.style === 1 ? 'primary' : ''}">${escapeHtml(b.label ?? '')}</span>`).join('');
  return `<!doctype html><html><head><meta charset="utf-8"><style>
  body { background:#313338; color:#dbdee1; font: 15px/1.375 "Noto Sans", sans-serif; margin:0; padding:16px 16px 24px; width:760px; }
  .row { display:flex; gap:16px; } .avatar { width:40px; height:40px; border-radius:50%; background:#2b6cb0; color:#fff; display:flex; align-items:center; justify-content:center; font-weight:700; }
  .name { color:#fff; font-weight:600; } .tag { background:#5865f2; color:#fff; font-size:10px; border-radius:3px; padding:1px 4px; margin-left:4px; vertical-align:2px; }
  .cmd { color:#949ba4; font-size:13px; margin-bottom:2px; } .cmd b { color:#c9cdfb; font-weight:500; }
  .embed { background:#2b2d31; border-left:4px solid #2b6cb0; border-radius:4px; padding:10px 16px 12px; margin-top:4px; max-width:620px; }
  .title { color:#fff; font-weight:600; margin-bottom:8px; } .description { font-size:14px; }
  .quote { border-left:4px solid #4e5058; padding-left:12px; margin:2px 0; } a { color:#00a8fc; text-decoration:none; }
  .footer { color:#949ba4; font-size:12px; margin-top:10px; } .buttons { margin-top:8px; display:flex; gap:8px; flex-wrap:wrap; }
  .button { background:#4e5058; color:#fff; border-radius:3px; padding:4px 14px; font-size:14px; } .button.primary { background:#5865f2; }
  </style></head><body><div class="cmd">↪ A Reader used <b>/ask</b> question: ${escapeHtml(question)}</div>
  <div class="row"><div class="avatar">V</div><div><span class="name">Verbatim</span><span class="tag">APP</span>
  ${message.embeds.map(embedHtml).join('')}<div class="buttons">${buttons}</div></div></div></body></html>`;
}

const harness = await startHarness();
try {
  const record = await harness.fake.settled(harness.fake.command('ask', { question }));
  if (!record.message) throw new Error('the bot did not answer');
  writeFileSync(`${out}.json`, `${JSON.stringify(record.message, null, 2)}\n`);
  writeFileSync(`${out}.html`, pageHtml(record.message));
  // The HTML is only the PNG's source; the PNG and the recorded payload are kept.
  const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find(existsSync);
  if (chromium) {
    execFileSync(chromium, ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--hide-scrollbars', `--screenshot=${resolve(`${out}.png`)}`, '--window-size=800,420',
      `file://${resolve(`${out}.html`)}`], { stdio: 'ignore' });
    process.stdout.write(`wrote ${out}.png\n`);
  } else {
    process.stdout.write(`wrote ${out}.html (install chromium for the PNG)\n`);
  }
} finally {
  await harness.stop();
}
