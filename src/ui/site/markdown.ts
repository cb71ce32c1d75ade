/**
 * Teammates' Markdown as HTML for the site, safe by construction: markdown-it with raw HTML off
 * (a `<script>` is shown as text), links kept only when they are http(s), mailto or a #fragment
 * (no javascript:, data:, file: or relative paths), and images never loaded: an image becomes a link
 * to it, so a page makes no request. markdown-it comes in as an argument: only `async site` loads it.
 */
import type MarkdownIt from 'markdown-it';
import { sanitizeBlock } from '../../core/sanitize.js';
import { escapeHtml } from './html.js';

export type MarkdownItClass = typeof MarkdownIt;

export interface MarkdownRender {
  /** A block: paragraphs, lists, code. */
  block(text: string): string;
  /** One line (a list item, a title): inline Markdown only. */
  inline(text: string): string;
}

const SAFE_SCHEME = /^(?:https?|mailto):/i;

/** Whether a link may stay a link: judged after markdown-it has normalised it. */
export function isSafeLink(url: string): boolean {
  // Browsers drop tabs, newlines and leading spaces from a URL; so do we before judging it.
  const compact = url.replace(/[\u0000-\u0020\u007f]/g, '');
  return compact.startsWith('#') || SAFE_SCHEME.test(compact);
}

export function makeMarkdown(MarkdownItClass: MarkdownItClass): MarkdownRender {
  const md = new MarkdownItClass('default', { html: false, linkify: false, typographer: false });
  md.validateLink = isSafeLink;
  md.renderer.rules.image = (tokens, index) => {
    const image = tokens[index]!;
    const src = image.attrGet('src') ?? '';
    const alt = image.content || 'image';
    return `<a class="image-link" href="${escapeHtml(src)}" rel="nofollow noopener noreferrer">[image: ${escapeHtml(alt)}]</a>`;
  };
  // A teammate's `# Heading` sits under the entry's own h2/h3: shifted to h4 and below.
  md.renderer.rules.heading_open = (tokens, index, options, _env, self) => {
    const token = tokens[index]!;
    token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 3)}`;
    return self.renderToken(tokens, index, options);
  };
  md.renderer.rules.heading_close = (tokens, index, options, _env, self) => {
    const token = tokens[index]!;
    token.tag = `h${Math.min(6, Number(token.tag.slice(1)) + 3)}`;
    return self.renderToken(tokens, index, options);
  };
  const linkOpen = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, index, options, env, self) => {
    tokens[index]!.attrSet('rel', 'nofollow noopener noreferrer');
    return linkOpen ? linkOpen(tokens, index, options, env, self) : self.renderToken(tokens, index, options);
  };
  return {
    block: (text) => md.render(sanitizeBlock(text)),
    inline: (text) => md.renderInline(sanitizeBlock(text)),
  };
}
