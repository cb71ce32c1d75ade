/**
 * How many terminal cells text takes. Names come from teammates in any script: 张伟 takes four
 * cells, not two, and a combining accent none. `string-width` (sindresorhus, the measure ora and
 * most CLIs use) knows the Unicode rules, but building its Intl.Segmenter costs ~20 ms, more than
 * a whole `async who`: it is loaded only when some text is not plain ASCII, which stays one cell
 * per character.
 */
export type Measure = (text: string) => number;

const PLAIN = /^[\x20-\x7e]*$/;

const plainWidth: Measure = (text) => text.length;

export async function measureFor(texts: Iterable<string>): Promise<Measure> {
  for (const text of texts) {
    if (PLAIN.test(text)) continue;
    const { default: stringWidth } = await import('string-width');
    return (value) => (PLAIN.test(value) ? value.length : stringWidth(value));
  }
  return plainWidth;
}

/** `text` cut to at most `cells` cells, with an ellipsis when something was cut. */
export function fit(text: string, cells: number, measure: Measure): string {
  if (measure(text) <= cells) return text;
  if (cells <= 0) return '';
  let out = '';
  for (const char of text) {
    if (measure(`${out}${char}…`) > cells) break;
    out += char;
  }
  return `${out}…`;
}
