import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { fit as fitCells, measureFor, measureForCells, runsMeasure } from '../../../src/ui/width.js';

/**
 * The measure counts one-cell characters itself and sends only the other runs to string-width:
 * for every kind of text a name or a `who` line holds, it must agree with the library on the whole.
 */
describe('runsMeasure agrees with string-width', () => {
  const measure = runsMeasure(stringWidth);
  it.each([
    ['ASCII', 'alice  Europe/Berlin  online until 17:30'],
    ['Latin letters', 'José Müller · Łukasz Ştefan'],
    ['a combining accent after a Latin letter', 'Jose\u0301 Mu\u0308ller'],
    ['CJK', '张伟 and 李娜'],
    ['CJK mixed into a line', '  ●  m017  张伟 Wang  Tue 09:00  Asia/Shanghai  online until 17:30 (8h 30m)'],
    ['an emoji ZWJ sequence', 'dev 👩‍💻 ops'],
    ['a keycap emoji starting with ASCII', 'room #\uFE0F\u20E3 9'],
    ['flags', 'team 🇩🇪🇯🇵'],
    ['Hangul', '김민준 한국어'],
    ['a soft hyphen', 'co\u00adop'],
    ['Cyrillic and Greek', 'Дмитрий Αλέξης'],
    ['the marks our output uses', '● ○ · … → ← ↑ ↓ • – — ‘x’ “y”'],
    ['empty', ''],
  ])('%s', (_name, text) => {
    expect(measure(text)).toBe(stringWidth(text));
    // Asked again (a table measures twice): the same answer from the memo.
    expect(measure(text)).toBe(stringWidth(text));
  });
});

describe('measureFor', () => {
  it('plain ASCII never loads the library: one cell a character', async () => {
    const measure = await measureFor(['alice', 'bob']);
    expect(measure('abc')).toBe(3);
  });

  it('for cells made of the texts: Latin names (José, Łukasz, Petrović) are one cell a character, with our own marks', async () => {
    const measure = await measureForCells(['José', 'Łukasz', 'Petrović']);
    expect(measure('● Łukasz Petrović …')).toBe(19);
    expect(fitCells('Łukasz Petrović', 8, measure)).toBe('Łukasz …');
  });

  it('anything else: cells as the library counts them', async () => {
    for (const measureOf of [measureFor, measureForCells]) {
      const measure = await measureOf(['alice', '张伟', 'e\u0301']);
      expect(measure('张伟')).toBe(4);
      expect(measure('e\u0301')).toBe(1);
    }
    const measure = await measureFor(['alice', '张伟']);
    expect(fitCells('张伟张伟', 5, measure)).toBe('张伟…');
  });
});
