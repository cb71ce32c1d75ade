import { escapeInvisibleInJson } from '../core/sanitize.js';

/**
 * A JSON document as text, one line break at the end. `JSON.stringify` escapes C0 controls but
 * leaves DEL, C1 controls (U+009B is a CSI to many terminals), line separators, bidi controls and
 * other invisible characters raw; escaping them too keeps the same data and makes printing the
 * document inert.
 */
export function jsonText(value: unknown): string {
  return `${escapeInvisibleInJson(JSON.stringify(value, null, 2))}\n`;
}
