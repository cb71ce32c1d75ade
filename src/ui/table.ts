import type { Measure } from './width.js';

/**
 * Left-aligned columns from plain cells; colour is applied per cell after padding. Widths are in
 * terminal cells (`measure`, see width.ts); the default counts characters, right for ASCII.
 */
export function columns(
  rows: readonly (readonly string[])[],
  paint: (row: number, col: number, cell: string) => string = (_r, _c, cell) => cell,
  measure: Measure = (text) => [...text].length,
): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, measure(cell));
    });
  }
  return rows.map((row, r) =>
    row
      .map((cell, c) => paint(r, c, c === row.length - 1 ? cell : cell + ' '.repeat((widths[c] ?? 0) - measure(cell))))
      .join('  ')
      .trimEnd(),
  );
}
