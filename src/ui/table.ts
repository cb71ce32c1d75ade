/** Left-aligned columns from plain cells; colour is applied per cell after padding. */
export function columns(
  rows: readonly (readonly string[])[],
  paint: (row: number, col: number, cell: string) => string = (_r, _c, cell) => cell,
): string[] {
  const widths: number[] = [];
  for (const row of rows) {
    row.forEach((cell, i) => {
      widths[i] = Math.max(widths[i] ?? 0, width(cell));
    });
  }
  return rows.map((row, r) =>
    row
      .map((cell, c) => paint(r, c, c === row.length - 1 ? cell : cell + ' '.repeat((widths[c] ?? 0) - width(cell))))
      .join('  ')
      .trimEnd(),
  );
}

function width(text: string): number {
  return [...text].length;
}
