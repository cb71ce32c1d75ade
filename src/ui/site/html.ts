/**
 * The one way workspace text enters the site's HTML. Everything a teammate wrote is first made
 * inert for a terminal's sake too (core/sanitize.ts: control and invisible characters become
 * visible stand-ins), then escaped for HTML; JSON goes into a data block with `<` escaped, so no
 * text can close the block or open a tag.
 */
import { sanitizeBlock, sanitizeInline } from '../../core/sanitize.js';

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Text for an element's content or a quoted attribute value. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char]!);
}

/** One line of workspace text (a name, a title, a handle), sanitised and escaped. */
export function inline(text: string): string {
  return escapeHtml(sanitizeInline(text));
}

/** Workspace text that may hold line breaks, sanitised and escaped (the breaks are kept). */
export function block(text: string): string {
  return escapeHtml(sanitizeBlock(text));
}

/**
 * JSON for `<script type="application/json">`: `<` (so `</script>` and `<!--` cannot appear), `>`
 * and `&` as escapes, and the two line separators that older parsers took for line ends.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** An HTML id or class token from our own names only (kinds, handles are [a-z0-9-]). */
export function token(text: string): string {
  return text.replace(/[^A-Za-z0-9_-]/g, '_');
}
