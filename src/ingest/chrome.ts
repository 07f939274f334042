import { isProse, type Block } from './blocks.js';

/**
 * The page's furniture that Readability leaves inside an article: bylines, the title again,
 * menus of links, photo credits, time stamps, copyright lines, buttons' labels, and gallery
 * captions credited to a photographer. None of it is the story's text, so the bot never quotes it.
 * Every rule is about what a block is, never about a particular site.
 */
export function withoutChrome(blocks: Block[], title: string, byline: string | null): Block[] {
  // Repeated lines are kept: measured, dropping them lost more of the story than of its furniture.
  const menu = menuBlocks(blocks);
  const end = storyEnd(blocks);
  return blocks.filter((b, i) => i < end && !menu.has(i) && !b.furniture && !isChrome(b, title, byline));
}

// The heading of a box of other stories: "More Business News", "You may also like:", "Related stories".
const OTHER_STORIES = /^(more (\p{L}+ ){0,3}(stories|news|articles|headlines|coverage|from\b.*)|(related|recommended|popular|trending|latest|top)( \p{L}+){0,2}|(you|we think you) (may|might|will) (also )?(like|enjoy)\b.*|(read|see|watch) (next|also|more)|also (read|on|in)\b.*|further reading|most (read|popular|viewed|shared)( \p{L}+){0,2}|want more stories\b.*)[\s:.?!…]*$/iu;
// What follows such a heading is dropped only when it is the smaller part of the text: a tail, not the story.
const MAX_TAIL_SHARE = 0.3;

/** Where the story ends: at the heading of a box of other stories near the end, else after the last block. */
function storyEnd(blocks: Block[]): number {
  const total = blocks.reduce((n, b) => n + b.text.length, 0);
  let after = 0;
  for (let i = blocks.length - 1; i > 0; i--) {
    const block = blocks[i]!;
    if (after > total * MAX_TAIL_SHARE) break;
    if (block.text.length <= 60 && OTHER_STORIES.test(block.text)) return i;
    after += block.text.length;
  }
  return blocks.length;
}

// This many links one after another, and nothing else, is a menu or a list of other stories.
const MENU_RUN = 3;

/** The indexes of blocks in runs of link-only lines. */
function menuBlocks(blocks: Block[]): Set<number> {
  const menu = new Set<number>();
  let start = 0;
  for (let i = 0; i <= blocks.length; i++) {
    const block = blocks[i];
    if (block && isLinkOnly(block) && block.text.length <= MAX_LINE) continue;
    if (i - start >= MENU_RUN) for (let j = start; j < i; j++) menu.add(j);
    start = i + 1;
  }
  return menu;
}

// "Photo: …", "Image 1 of 9", "Credit: …": a picture's furniture.
const PICTURE_LINE = /^(photo(graph)?s?|image|picture|pic|credit|illustration|video)\b\s*(:|\d|by\b|credit|copyright|source)/i;
// A caption that ends by crediting the picture: "Protesters in the square (Image: Getty)",
// "Boats at the quay (Harbour Press Photo/Ida Marsh, File)", "(Photo by Ida Marsh)".
const CREDITED_CAPTION = /[([](([^()[\]]*\b)?(photo(graph)?|image|picture|pic|credit|illustration)s?\s*[:/]|(photo(graph)?|image|picture)s?\s+(by|courtesy)\b)[^()[\]]*[)\]]\s*$/i;
// Time stamps: "Published 4:00 am CST, Wednesday, November 20, 2019", "| UPDATED: 11:05, Tue, …".
const STAMP_LINE = /^[\s|·•-]*(published|updated|posted|last (updated|modified)|first published)\b/i;
const COPYRIGHT = /©|\(c\) ?\d{4}|\ball rights reserved\b|^copyright\b|\bsubject to copyright\b/i;
// Pointers to other pages: "READ MORE: …", "See also: …", "Don't miss".
// Only with the colon: a heading such as "More questions than answers" is the story's.
const PROMO_LINE = /^(read|see|watch|listen|click|related|also|more|recommended)\b[^:.!?]{0,30}:/i;
// Notices of the page, not of the story.
const PAGE_NOTICE = /\b(uses? cookies|requires javascript|enable javascript|your browser does not support)\b/i;
// The page's calls to sign up, follow or share: "Sign up for our daily newsletter", "Follow us on Twitter".
const CALL_TO_ACTION = /\b(sign up|subscribe)\b.{0,80}\b(newsletter|inbox)\b|\b(newsletter|inbox)\b.{0,80}\b(sign up|subscribe)\b|^follow\b.{0,40}\bon (twitter|facebook|instagram|youtube)\b|\bshare (it|this( story| article)?) with\b/i;
// The agency's credits at the foot of a story: "Reporting by Ida Marsh; Editing by Tomas Kerr", "Write to Ida Marsh at ida@…".
const CREDIT_LINE = /^((additional )?reporting|writing|editing|compiled) by\b|^write to .{0,60}\bat [\w.+-]+@[\w-]+\.[\w.-]+\.?$/i;
// A line that is only an address: a url, an e-mail, a handle.
const ADDRESS_ONLY = /^(https?:\/\/\S+|www\.\S+|[\w.+-]+@[\w-]+\.[\w.-]+|@\w+|(twitter|facebook|instagram)\.com\/\S*)$/i;
// Labels of buttons and links that a page repeats everywhere.
const UI_LABELS = new Set([
  'advertisement', 'advert', 'ad', 'caption', 'close', 'share', 'share this', 'share this article', 'share this story', 'skip to content',
  'skip to main content', 'sign in', 'log in', 'subscribe', 'print', 'email', 'comments', 'read more', 'continue reading',
  'loading', 'loading...', 'expand', 'hide caption', 'toggle caption', 'enlarge this image', 'show more', 'next', 'previous',
  "don't miss", 'don’t miss', 'related', 'related stories', 'related articles', 'most read', 'most popular', 'recommended', 'trending',
]);
const MAX_LINE = 120;

function isChrome(block: Block, title: string, byline: string | null): boolean {
  const { text } = block;
  if (/^H[1-6]$/.test(block.tag) && text.toLowerCase() === title.toLowerCase()) return true;
  if (isBylineLine(text, byline)) return true;
  if (UI_LABELS.has(text.toLowerCase().replace(/[\s:]+$/, ''))) return true;
  if (text.length <= MAX_LINE * 3 && CREDITED_CAPTION.test(text)) return true;
  if (text.length <= MAX_LINE * 2 && (PAGE_NOTICE.test(text) || CALL_TO_ACTION.test(text))) return true;
  if (text.length <= MAX_LINE * 3 && CREDIT_LINE.test(text)) return true;
  // Before the sentence test: "www.example.com/a.html" has a full stop. Only a printed address:
  // one the story links (a source it cites, a list of shop links) is part of the story's text.
  if (ADDRESS_ONLY.test(text) && block.links.length === 0) return true;
  if (isProse(block)) return COPYRIGHT.test(text) && text.length <= MAX_LINE * 2;
  // What follows is only ever true of short lines that are not sentences.
  if (text.length > MAX_LINE) return false;
  if (PROMO_LINE.test(text)) return true;
  return PICTURE_LINE.test(text) || STAMP_LINE.test(text) || COPYRIGHT.test(text) || isDateOnly(text);
}

/** A menu entry or a link to another story: the whole line is a link. */
function isLinkOnly(block: Block): boolean {
  return block.links.length > 0 && block.linkText.length >= block.text.length * 0.9;
}

/** "By Petra Lindqvist, Port Aster": the byline, not the article's own text. */
export function isBylineLine(paragraph: string, byline: string | null): boolean {
  if (paragraph.length > MAX_LINE || !/^by\s/i.test(paragraph)) return false;
  return byline === null || byline.split(/,\s*/).some((name) => paragraph.includes(name));
}

const MONTH = '(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?';
const DATE_ONLY = new RegExp(`^[\\s,|·-]*((mon|tue|wed|thu|fri|sat|sun)[a-z]*,?\\s*)?(\\d{1,2}\\s+${MONTH}|${MONTH}\\s+\\d{1,2}(st|nd|rd|th)?)[,\\s]+\\d{4}([\\s,|·-]+(at\\s+)?\\d{1,2}[:.]\\d{2}(\\s*[ap]\\.?m\\.?)?(\\s+[a-z]{2,4})?)?[\\s|·-]*$|^\\d{4}-\\d{2}-\\d{2}([ t]\\d{2}:\\d{2}(:\\d{2})?)?$|^\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}$`, 'i');

/** A line that is only a date (and maybe a time): the page's stamp, not a sentence of the story. */
function isDateOnly(text: string): boolean {
  return DATE_ONLY.test(text);
}
