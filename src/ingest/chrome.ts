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
  return blocks.filter((b, i) => !menu.has(i) && !isChrome(b, title, byline));
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
const PICTURE_LINE = /^(photo(graph)?s?|image|picture|pic|credit|illustration|video)\b\s*(:|\d|by\b|credit)/i;
// A caption that ends by crediting the picture: "Protesters in the square (Image: Getty)".
const CREDITED_CAPTION = /[([](photo(graph)?|image|picture|pic|credit|illustration)s?\s*:[^)\]]*[)\]]\s*$/i;
// Time stamps: "Published 4:00 am CST, Wednesday, November 20, 2019", "| UPDATED: 11:05, Tue, …".
const STAMP_LINE = /^[\s|·•-]*(published|updated|posted|last (updated|modified)|first published)\b/i;
const COPYRIGHT = /©|\(c\) ?\d{4}|\ball rights reserved\b|^copyright\b/i;
// Pointers to other pages: "READ MORE: …", "See also: …", "Don't miss".
// Only with the colon: a heading such as "More questions than answers" is the story's.
const PROMO_LINE = /^(read|see|watch|listen|click|related|also|more|recommended)\b[^:.!?]{0,30}:/i;
// Notices of the page, not of the story.
const PAGE_NOTICE = /\b(uses? cookies|requires javascript|enable javascript|your browser does not support)\b/i;
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
  if (text.length <= MAX_LINE * 2 && PAGE_NOTICE.test(text)) return true;
  if (isProse(block)) return COPYRIGHT.test(text) && text.length <= MAX_LINE * 2;
  // What follows is only ever true of short lines that are not sentences.
  if (text.length > MAX_LINE) return false;
  if (PROMO_LINE.test(text)) return true;
  if (ADDRESS_ONLY.test(text)) return true;
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
