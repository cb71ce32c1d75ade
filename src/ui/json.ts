/**
 * A JSON document as text, one line break at the end. `JSON.stringify` escapes C0 controls but
 * leaves DEL, C1 controls (U+009B is a CSI to many terminals), line separators and bidi controls
 * raw; escaping them too keeps the same data and makes printing the document inert.
 */
export function jsonText(value: unknown): string {
  const text = JSON.stringify(value, null, 2).replace(
    /[\u007f-\u009f\u00ad\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g,
    (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return `${text}\n`;
}
