/**
 * Every page's frame: the Content-Security-Policy (a <meta>, since a file:// page has no headers),
 * the inlined stylesheet and script, each allowed by its SHA-256 and nothing else: no source may
 * load, so the page makes no request, and an inline script that is not ours does not run.
 */
import { createHash } from 'node:crypto';
import { escapeHtml, inline } from './html.js';
import { SITE_CSS } from './style.js';

/** The last texts hashed: every page inlines the same stylesheet and script, so hash each once. */
const hashes = new Map<string, string>();

export function sha256(text: string): string {
  const known = hashes.get(text);
  if (known) return known;
  const hash = `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
  if (hashes.size > 8) hashes.clear();
  hashes.set(text, hash);
  return hash;
}

export function contentSecurityPolicy(style: string, script: string | undefined): string {
  return [
    "default-src 'none'",
    `script-src ${script === undefined ? "'none'" : sha256(script)}`,
    `style-src ${sha256(style)}`,
    "img-src 'none'",
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
}

export interface PageFrame {
  title: string;
  team: string;
  /** How many folders below the site's root the page is ("../" per level). */
  depth: number;
  body: string;
  footer: string;
  /** `<script type="application/json">` blocks, already escaped (html.ts jsonForScript). */
  data?: readonly { id: string; json: string }[];
  /** The page script (dist/site.js), for the pages that tick or search. */
  script?: string;
}

export function renderPage(frame: PageFrame): string {
  if (frame.script?.includes('</script')) throw new Error('the site script holds "</script" and cannot be inlined');
  const up = '../'.repeat(frame.depth);
  const data = (frame.data ?? []).map((block) => `<script type="application/json" id="${escapeHtml(block.id)}">${block.json}</script>`);
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${escapeHtml(contentSecurityPolicy(SITE_CSS, frame.script))}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    `<title>${inline(frame.title)}</title>`,
    `<style>${SITE_CSS}</style>`,
    '</head>',
    '<body>',
    `<header><h1>${inline(frame.team)}</h1><nav><a href="${up}index.html">Today</a><a href="${up}decisions.html">Decisions</a><a href="${up}search.html">Search</a></nav></header>`,
    `<main>${frame.body}</main>`,
    `<footer>${frame.footer}</footer>`,
    ...data,
    ...(frame.script === undefined ? [] : [`<script>${frame.script}</script>`]),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
