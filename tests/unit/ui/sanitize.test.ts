import { describe, expect, it } from 'vitest';
import { sanitizeBlock, sanitizeInline } from '../../../src/ui/sanitize.js';

// Anything a terminal could act on, or that renders as nothing: must never survive sanitising.
const RAW_CONTROL = /[\u0000-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/u;
const RAW_CONTROL_BLOCK = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u00AD\u061C\u180E\u200B-\u200F\u2028-\u202E\u2060-\u206F\uFEFF]/u;

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

// [class, input, text that must still be visible in the output]
const attacks: [string, string, string[]][] = [
  ['CSI colour', `a${ESC}[31mred${ESC}[0mb`, ['a', '[31mred', '[0mb']],
  ['CSI clear screen', `x${ESC}[2J${ESC}[Hy`, ['x', '[2J', '[Hy']],
  ['CSI cursor up and erase line', `ok${ESC}[1A${ESC}[2Kfake`, ['ok', '[1A', '[2Kfake']],
  ['8-bit CSI', `a\u009b31mb`, ['a', '<U+009B>', '31mb']],
  ['OSC window title, BEL', `a${ESC}]0;pwned${BEL}b`, ['a', ']0;pwned', 'b']],
  ['OSC window title, ST', `a${ESC}]2;pwned${ST}b`, ['a', ']2;pwned', 'b']],
  ['OSC 8 hyperlink', `${ESC}]8;;https://evil.example${ST}click${ESC}]8;;${ST}`, ['https://evil.example', 'click']],
  ['OSC 52 clipboard', `${ESC}]52;c;Y3VybCBldmlsfHNo${BEL}done`, ['52;c;Y3VybCBldmlsfHNo', 'done']],
  ['8-bit OSC with 8-bit ST', `a\u009d0;title\u009cb`, ['a', '<U+009D>', '0;title', '<U+009C>', 'b']],
  ['DCS', `a${ESC}Pq#0;2;0;0;0${ST}b`, ['a', 'Pq#0;2;0;0;0', 'b']],
  ['8-bit DCS', `a\u0090payload\u009cb`, ['a', '<U+0090>', 'payload']],
  ['SOS', `a${ESC}Xhidden${ST}b`, ['Xhidden', 'b']],
  ['PM', `a${ESC}^hidden${ST}b`, ['^hidden', 'b']],
  ['APC', `a${ESC}_hidden${ST}b`, ['_hidden', 'b']],
  ['single C1 byte (NEL)', `a\u0085b`, ['a', '<U+0085>', 'b']],
  ['single C1 byte (IND)', `a\u0084b`, ['<U+0084>']],
  ['bare ESC', `a${ESC}b`, ['a', '␛', 'b']],
  ['ESC save cursor', `a${ESC}7b${ESC}8`, ['␛7b␛8']],
  ['NUL', 'a\u0000b', ['a␀b']],
  ['BEL', `a${BEL}b`, ['a␇b']],
  ['vertical tab and form feed', 'a\u000b\u000cb', ['a␋␌b']],
  ['DEL', 'a\u007fb', ['a␡b']],
  ['carriage return overwrite', 'rm -rf /\rls', ['rm -rf /', '␍', 'ls']],
  ['backspace overwrite', 'evil\b\b\b\bgood', ['evil', '␈␈␈␈', 'good']],
  ['bidi RLO', 'file\u202Etxt.exe', ['file', '<U+202E>', 'txt.exe']],
  ['bidi LRO/PDF', 'a\u202Db\u202Cc', ['<U+202D>', '<U+202C>']],
  ['bidi LRE/RLE', 'a\u202Ab\u202Bc', ['<U+202A>', '<U+202B>']],
  ['bidi isolates', 'a\u2066b\u2067c\u2068d\u2069e', ['<U+2066>', '<U+2067>', '<U+2068>', '<U+2069>']],
  ['LRM/RLM', 'a\u200Eb\u200Fc', ['<U+200E>', '<U+200F>']],
  ['Arabic letter mark', 'a\u061Cb', ['<U+061C>']],
  ['zero-width space', '@b\u200Bob', ['@b<U+200B>ob']],
  ['zero-width joiner in Latin text', 'b\u200Dob', ['b<U+200D>ob']],
  ['zero-width non-joiner in Latin text', 'b\u200Cob', ['b<U+200C>ob']],
  ['word joiner', 'a\u2060b', ['<U+2060>']],
  ['BOM / ZWNBSP', '\uFEFFadmin', ['<U+FEFF>admin']],
  ['Mongolian vowel separator', 'a\u180Eb', ['<U+180E>']],
  ['soft hyphen', 'pay\u00ADpal', ['pay<U+00AD>pal']],
  ['invisible tag characters', 'hi\u{E0041}\u{E0042}', ['hi<U+E0041><U+E0042>']],
  ['Hangul filler as a fake name', '\u3164', ['<U+3164>']],
  ['line separator', 'a\u2028b', ['a<U+2028>b']],
  ['paragraph separator', 'a\u2029b', ['a<U+2029>b']],
];

describe('sanitizeInline', () => {
  it.each(attacks)('%s: inert, visible, surrounding text kept', (_name, input, visible) => {
    const out = sanitizeInline(input);
    expect(out).not.toMatch(RAW_CONTROL);
    for (const text of visible) expect(out).toContain(text);
  });

  it.each([
    ['newline', 'a\nb', 'a␤b'],
    ['CRLF is one newline', 'a\r\nb', 'a␤b'],
    ['tab', 'a\tb', 'a b'],
  ])('%s in a one-line field', (_name, input, expected) => {
    expect(sanitizeInline(input)).toBe(expected);
  });
});

describe('sanitizeBlock', () => {
  it.each(attacks)('%s: inert, visible, surrounding text kept', (_name, input, visible) => {
    const out = sanitizeBlock(input);
    expect(out).not.toMatch(RAW_CONTROL_BLOCK);
    for (const text of visible) expect(out).toContain(text);
  });

  it.each([
    ['keeps newlines and tabs', 'a\n\tb\n', 'a\n\tb\n'],
    ['CRLF becomes LF', 'a\r\nb\r\n', 'a\nb\n'],
    ['lone CR is shown', 'a\rb', 'a␍b'],
    ['CR before CRLF', 'a\r\r\nb', 'a␍\nb'],
  ])('%s', (_name, input, expected) => {
    expect(sanitizeBlock(input)).toBe(expected);
  });
});

describe('ordinary text is left alone', () => {
  it.each([
    ['ASCII', 'Shipped the retry logic (#42) — see https://example.com/pr/42?x=1&y=2'],
    ['accents', 'Café, naïve, Ærøskøbing, Łódź, São Paulo'],
    ['CJK', '東京の移行は完了しました。서울 팀에 인계합니다.'],
    ['RTL letters', 'שלום עולם — مرحبا بالعالم'],
    ['Persian with ZWNJ', 'می‌خواهم کتاب‌ها را بخوانم'],
    ['Hindi with ZWJ/ZWNJ', 'क्‍ष and क्‌ष'],
    ['emoji ZWJ sequences', 'done 👩‍💻 👨‍👩‍👧 🏳️‍🌈 👍🏽 ✅'],
    ['combining marks', 'e\u0301 a\u0308'],
    ['variation selectors', '☺️ 葛󠄀'],
    ['astral letters', '𝒜𝓈𝓎𝓃𝒸 𠀀'],
    ['empty', ''],
  ])('%s', (_name, text) => {
    expect(sanitizeInline(text)).toBe(text);
    expect(sanitizeBlock(text)).toBe(text);
  });

  it('returns clean strings unchanged', () => {
    const text = 'plain text';
    expect(sanitizeInline(text)).toBe(text);
  });
});

describe('coverage of the Unicode categories', () => {
  it('no control, format or separator code point survives on its own', () => {
    const invisible = /^[\p{Cc}\p{Cf}\p{Zl}\p{Zp}]$/u;
    const survivors: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const char = String.fromCodePoint(cp);
      if (!invisible.test(char)) continue;
      if (sanitizeBlock(`x${char}y`).includes(char) && char !== '\n' && char !== '\t') survivors.push(cp.toString(16));
      if (sanitizeInline(`x${char}y`).includes(char)) survivors.push(cp.toString(16));
    }
    expect(survivors).toEqual([]);
  });
});

describe('speed', () => {
  it('handles a megabyte in one pass, and a hostile run of marks and joiners', () => {
    const clean = 'ordinary text, é 中文 '.repeat(50_000);
    expect(sanitizeBlock(clean)).toBe(clean);
    const marks = `م${'\u064B'.repeat(100_000)}\u200C`.repeat(3);
    const joiners = `${'\u200C'.repeat(100_000)}${'\u200D'.repeat(100_000)}`;
    const escapes = `${ESC}[31m`.repeat(100_000);
    const start = performance.now();
    sanitizeInline(marks);
    sanitizeInline(joiners);
    sanitizeBlock(escapes);
    // Generous bound: catches quadratic behaviour (minutes), not machine noise.
    expect(performance.now() - start).toBeLessThan(5_000);
  });
});
