/**
 * Makes text from the workspace safe to print. Every terminal escape sequence (CSI, OSC, DCS, SOS,
 * PM, APC, in 7-bit and 8-bit form) starts with ESC or a C1 control, so replacing each control
 * character with a visible stand-in defuses the whole sequence while leaving its payload readable:
 * a reader sees `␛[2J` instead of a cleared screen. Nothing is deleted, so hidden text stays
 * visible. One regex pass; strings without controls come back unchanged.
 */

// The class lists C0, DEL, C1 and every format character (Unicode category Cf: bidi controls,
// zero-width characters, soft hyphen, BOM, invisible tags), line/paragraph separators, and
// blank-looking letters used to fake names. Spelled out rather than `\p{Cf}` because a
// non-Unicode-mode class is about ten times faster on the common, clean path.
const INVISIBLE_BMP =
  '\\xAD\\u034F\\u0600-\\u0605\\u061C\\u06DD\\u070F\\u0890\\u0891\\u08E2\\u115F\\u1160\\u180E' +
  '\\u200B-\\u200F\\u2028-\\u202E\\u2060-\\u206F\\u3164\\uFEFF\\uFFA0\\uFFF9-\\uFFFB';
const INVISIBLE_ASTRAL =
  '\\uD804[\\uDCBD\\uDCCD]|\\uD80D[\\uDC30-\\uDC3F]|\\uD82F[\\uDCA0-\\uDCA3]|' + '\\uD834[\\uDD73-\\uDD7A]|\\uDB40[\\uDC01\\uDC20-\\uDC7F]';

const INLINE = new RegExp(`\\r\\n|[\\0-\\x1F\\x7F-\\x9F${INVISIBLE_BMP}]|${INVISIBLE_ASTRAL}`, 'g');
const BLOCK = new RegExp(`\\r\\n|[\\0-\\x08\\x0B-\\x1F\\x7F-\\x9F${INVISIBLE_BMP}]|${INVISIBLE_ASTRAL}`, 'g');
/** What `JSON.stringify` leaves raw of the above (it escapes C0 itself): DEL, C1, the invisibles. */
const JSON_RAW = new RegExp(`[\\x7F-\\x9F${INVISIBLE_BMP}]|${INVISIBLE_ASTRAL}`, 'g');

const ZWNJ = '\u200C';
const ZWJ = '\u200D';
const EMOJI_BEFORE = /[\p{Extended_Pictographic}\p{Emoji_Modifier}]\uFE0F?$/u;
const EMOJI_AFTER = /^\p{Extended_Pictographic}/u;
const JOINING_SCRIPTS = [
  'Arabic',
  'Syriac',
  'Nko',
  'Devanagari',
  'Bengali',
  'Gurmukhi',
  'Gujarati',
  'Oriya',
  'Tamil',
  'Telugu',
  'Kannada',
  'Malayalam',
  'Sinhala',
  'Khmer',
  'Mongolian',
];
/** Built on first use: parsing fifteen script classes costs about a millisecond of every start-up. */
let joiningLetterBefore: RegExp | undefined;

/**
 * Joiners glue glyphs together but cannot hide or reorder text, so they stay where ordinary
 * writing needs them: inside emoji sequences (👩‍💻) and after letters of scripts that shape words
 * with them (Persian, Hindi, ...). The look-back is bounded so a run of marks cannot slow us down.
 */
function isWritingJoiner(text: string, offset: number, joiner: string): boolean {
  const before = text.slice(Math.max(0, offset - 8), offset);
  if (joiner === ZWJ && EMOJI_BEFORE.test(before) && EMOJI_AFTER.test(text.slice(offset + 1, offset + 3))) {
    return true;
  }
  joiningLetterBefore ??= new RegExp(`[${JOINING_SCRIPTS.map((script) => `\\p{Script=${script}}`).join('')}]\\p{M}{0,3}$`, 'u');
  return joiningLetterBefore.test(before);
}

/** Visible stand-in for one control character: a Control Picture for C0, `<U+XXXX>` otherwise. */
function show(char: string, offset: number, text: string): string {
  if ((char === ZWJ || char === ZWNJ) && isWritingJoiner(text, offset, char)) return char;
  const code = char.codePointAt(0) ?? 0;
  if (code < 0x20) return String.fromCharCode(0x2400 + code);
  if (code === 0x7f) return '\u2421';
  return `<U+${code.toString(16).toUpperCase().padStart(4, '0')}>`;
}

function replaceInline(match: string, offset: number, text: string): string {
  if (match === '\r\n' || match === '\n') return '\u2424';
  if (match === '\t') return ' ';
  return show(match, offset, text);
}

function replaceBlock(match: string, offset: number, text: string): string {
  return match === '\r\n' ? '\n' : show(match, offset, text);
}

/** For one-line fields (names, items, tags, links, file names): newlines show as ␤, tabs become spaces. */
export function sanitizeInline(text: string): string {
  return text.replace(INLINE, replaceInline);
}

/** For multi-line notes: keeps `\n` and `\t`, turns `\r\n` into `\n`. */
export function sanitizeBlock(text: string): string {
  return text.replace(BLOCK, replaceBlock);
}

/**
 * For a JSON document: writes every character the sanitiser would show as `\uXXXX` (each UTF-16
 * unit of an astral one), so printing the document is inert while parsing it gives the data back.
 */
export function escapeInvisibleInJson(json: string): string {
  const asUnicode = (unit: string) => `\\u${unit.charCodeAt(0).toString(16).padStart(4, '0')}`;
  return json.replace(JSON_RAW, (chars) => chars.split('').map(asUnicode).join(''));
}
