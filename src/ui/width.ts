/**
 * How many terminal cells text takes. Names come from teammates in any script: 张伟 takes four
 * cells, not two, and a combining accent none. `string-width` (sindresorhus, the measure ora and
 * most CLIs use) knows the Unicode rules, but building its Intl.Segmenter costs ~20 ms, more than
 * a whole `async who`: it is loaded only when some text is not plain ASCII, which stays one cell
 * per character.
 */
export type Measure = (text: string) => number;

/**
 * Characters that are one code point taking one cell: printable ASCII, the Latin letters of
 * Latin-1 and Latin Extended-A/B (José, Łukasz, Ştefan), but not the soft hyphen (U+00AD, no
 * cell), and the punctuation and marks our own output uses (– — ‘ ’ “ ” • … ← ↑ → ↓ ○ ●). Most
 * names and every line of ours are made of them, and need neither the library nor its segmenter
 * (loading it alone costs ~50 ms).
 */
const ONE_CELL =
  '\\x20-\\x7e\\u00a0-\\u00ac\\u00ae-\\u024f\\u2013\\u2014\\u2018\\u2019\\u201c\\u201d\\u2022\\u2026\\u2190-\\u2193\\u25cb\\u25cf';
const ONE_CELL_EACH = new RegExp(`^[${ONE_CELL}]*$`);
const PLAIN = /^[\x20-\x7e]*$/;
/**
 * The rest, each run with the one-cell character before it: a cluster may start there (e + a
 * combining accent, # + the keycap sign), so the library sees every cluster whole.
 */
const OTHER_RUNS = new RegExp(`[${ONE_CELL}]?[^${ONE_CELL}]+`, 'gu');

const plainWidth: Measure = (text) => text.length;

export async function measureFor(texts: Iterable<string>): Promise<Measure> {
  // Only all-ASCII text may skip the library: the measure must be right for any text asked later.
  return measureUnless(texts, PLAIN);
}

/**
 * The measure for a table whose every cell is made of `texts` and of our own one-cell characters
 * (`who`: names, holiday names, handles, zones and our words). When every text is one-cell
 * characters, so is every cell, and the library is not loaded: José, Łukasz and Petrović cost
 * nothing, where the library costs `who` ~25 ms. Text with anything else, measured later, would
 * be miscounted: `measureFor` is the one for that.
 */
export async function measureForCells(texts: Iterable<string>): Promise<Measure> {
  return measureUnless(texts, ONE_CELL_EACH);
}

async function measureUnless(texts: Iterable<string>, oneCellEach: RegExp): Promise<Measure> {
  for (const text of texts) {
    if (oneCellEach.test(text)) continue;
    const { default: stringWidth } = await import('string-width');
    return runsMeasure(stringWidth);
  }
  return plainWidth;
}

/**
 * One-cell characters are counted; only the runs between them go to the library, each distinct
 * run once (a table measures its lines more than once, and "●" starts every row of `who`): at
 * ~0.3 ms a call, measuring whole lines made `who` with 200 names three times slower.
 */
export function runsMeasure(width: Measure): Measure {
  const known = new Map<string, number>();
  const measured = (run: string) => {
    const cached = known.get(run);
    if (cached !== undefined) return cached;
    const cells = width(run);
    known.set(run, cells);
    return cells;
  };
  return (value) => {
    if (ONE_CELL_EACH.test(value)) return value.length;
    let cells = 0;
    let rest = value.length;
    for (const [run] of value.matchAll(OTHER_RUNS)) {
      rest -= run.length;
      cells += measured(run);
    }
    return cells + rest;
  };
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
