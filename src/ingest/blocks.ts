import { parseHTML } from './dom.js';

/** One block of text as a browser lays it out: a paragraph, heading, list item, cell, line. */
export interface Block {
  text: string;
  /** The innermost block element holding the text, upper case ("P", "H2", "LI", "DIV"). */
  tag: string;
  /** The part of the text that sits inside links, whitespace collapsed. */
  linkText: string;
  /** The distinct link targets in the block. */
  links: string[];
  /** Inside an element whose class or id names the page's furniture (related stories, sharing, a newsletter box). */
  furniture?: boolean;
}

// Elements a browser starts on a new line: their text never runs into their neighbours'.
const BLOCK_TAGS = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'CAPTION', 'CENTER', 'DD', 'DETAILS', 'DIALOG', 'DIV', 'DL', 'DT', 'FIELDSET',
  'FIGURE', 'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HGROUP', 'HR', 'LEGEND', 'LI', 'MAIN', 'NAV', 'OL',
  'P', 'PRE', 'SECTION', 'SUMMARY', 'TABLE', 'TBODY', 'TD', 'TFOOT', 'TH', 'THEAD', 'TR', 'UL',
]);
// Never the article's words: captions (the bot quotes the story, not the picture), code and controls.
const SKIPPED_TAGS = new Set(['FIGCAPTION', 'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'BUTTON', 'SELECT', 'TEXTAREA', 'IFRAME', 'SVG', 'MATH']);

/** Whitespace as a browser renders it: runs collapsed to one space, none at the ends. */
export function clean(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/**
 * The text blocks of an article's HTML, in document order. Text directly inside a block and
 * outside its child blocks is a block of its own (a div's loose text); a line break (<br>, or a
 * new line in <pre>) ends a block, as it ends a line on screen.
 */
export function articleBlocks(html: string): Block[] {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks: Block[] = [];
  let parts: { value: string; inLink: boolean }[] = [];
  let links = new Set<string>();
  const total = clean(document.body?.textContent ?? '').length;
  let furniture = 0;
  const flush = (tag: string) => {
    const text = clean(parts.map((p) => p.value).join(''));
    if (text) {
      const block: Block = { text, tag, linkText: clean(parts.filter((p) => p.inLink).map((p) => p.value).join('')), links: [...links] };
      if (furniture > 0) block.furniture = true;
      blocks.push(block);
    }
    parts = [];
    links = new Set();
  };
  const walk = (node: Node, tag: string, inLink: boolean, inPre: boolean): void => {
    if (node.nodeType === 3) {
      const lines = inPre ? (node.nodeValue ?? '').split('\n') : [node.nodeValue ?? ''];
      lines.forEach((line, i) => {
        if (i > 0) flush(tag);
        parts.push({ value: line, inLink });
      });
      return;
    }
    if (node.nodeType !== 1) return;
    const element = node as Element;
    const name = element.tagName.toUpperCase();
    if (SKIPPED_TAGS.has(name) || isPopup(element)) return;
    if (name === 'BR') return flush(tag);
    const block = BLOCK_TAGS.has(name);
    if (block) flush(tag);
    const href = name === 'A' ? element.getAttribute('href') : null;
    if (href) links.add(href);
    const named = block && isFurniture(element, total);
    if (named) furniture++;
    for (const child of element.childNodes) walk(child, block ? name : tag, inLink || name === 'A', inPre || name === 'PRE');
    if (block) flush(name);
    if (named) furniture--;
  };
  walk(document.body as unknown as Node, 'BODY', false, false);
  return blocks;
}

// Class words of what a page shows only on hover or for screen readers: a card of a person's
// other stories inside a sentence, a tooltip. Not text a reader sees in the story. The wrapper
// around both the word and its card, and the word's link, bear such names too: only the innermost
// box so named that is not a link is the card.
const POPUP_NAME = /^(rollover|tooltip|popover|hover-?card)|[-_](rollover|tooltip|popover|hover-?card)|^(sr-only|visually-hidden|screen-reader-text)$/i;

function isPopup(element: Element): boolean {
  if (element.tagName.toUpperCase() === 'A' || !popupNamed(element)) return false;
  return ![...element.querySelectorAll('[class]')].some((inner) => inner.tagName.toUpperCase() !== 'A' && popupNamed(inner));
}

function popupNamed(element: Element): boolean {
  return (element.getAttribute('class') ?? '').split(/\s+/).some((n) => n && POPUP_NAME.test(n));
}

// Class and id words of the boxes a page puts around and inside an article: never the story's text.
const FURNITURE_NAME = /related|byline|recommend|newsletter|promo|share|sharing|social|comment|author-?bio|about-?the-?author|signup|sign-up|subscribe|more-?stories|read-?more|outbrain|taboola|sponsor|advert|^ad$|^ads$|[-_]ad$|^ad[-_]|popular|trending|most-?read|tags?$|breadcrumb/i;
// A box of furniture is a part of the article: one holding most of it is the article itself, whatever its name.
const MAX_FURNITURE_SHARE = 0.5;

function isFurniture(element: Element, total: number): boolean {
  if (element.tagName.toUpperCase() === 'HEADER') return clean(element.textContent ?? '').length < total * MAX_FURNITURE_SHARE;
  // Not a long id: those are often a heading's words made a slug ("sharing-with-a-single-developer").
  const id = element.getAttribute('id') ?? '';
  const names = [...(element.getAttribute('class') ?? '').split(/\s+/), id.split(/[-_]/).length <= 2 ? id : ''].filter(Boolean);
  if (!names.some((n) => FURNITURE_NAME.test(n))) return false;
  return clean(element.textContent ?? '').length < total * MAX_FURNITURE_SHARE;
}

// A sentence: words, then a full stop, question or exclamation mark (maybe inside quotes).
const SENTENCE = /\p{L}{2,}[^.!?。！？]*[.!?。！？…]/u;
// About five words of English: a sentence, not a label.
const MIN_SENTENCE_LETTERS = 25;

/** Letters, not words: Chinese and Japanese write sentences without spaces. */
export function letterCount(text: string): number {
  return text.match(/\p{L}/gu)?.length ?? 0;
}

/** A block of running text: a sentence or more, mostly outside links. */
export function isProse(block: Block): boolean {
  return block.linkText.length < block.text.length / 2 && letterCount(block.text) >= MIN_SENTENCE_LETTERS && SENTENCE.test(block.text);
}
