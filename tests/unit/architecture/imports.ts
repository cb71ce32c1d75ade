/**
 * The imports of a TypeScript source file, as written: static imports and re-exports, dynamic
 * `import('…')`, and whether each is type-only. Comments and string contents are blanked first,
 * so an import-looking line in a comment or a string is not an import.
 */
export interface Import {
  specifier: string;
  typeOnly: boolean;
  dynamic: boolean;
}

export function extractImports(source: string): Import[] {
  const code = blankCommentsAndStrings(source);
  const found: Import[] = [];
  const statement = /(^|[;\n}])\s*(import|export)\s+(type\s+)?([^;'"`]*?\bfrom\s*)?(['"])/g;
  for (let match = statement.exec(code); match; match = statement.exec(code)) {
    const quoteAt = match.index + match[0].length - 1;
    const isBareImport = match[2] === 'import' && match[4] === undefined;
    if (match[2] === 'export' && match[4] === undefined) continue;
    if (!isBareImport && match[4] === undefined) continue;
    found.push({ specifier: literalAt(source, quoteAt), typeOnly: match[3] !== undefined, dynamic: false });
  }
  const dynamic = /\bimport\s*\(\s*(['"])/g;
  for (let match = dynamic.exec(code); match; match = dynamic.exec(code)) {
    found.push({ specifier: literalAt(source, match.index + match[0].length - 1), typeOnly: false, dynamic: true });
  }
  return found;
}

/** The string literal starting at `quoteAt` in the original source. */
function literalAt(source: string, quoteAt: number): string {
  const quote = source[quoteAt]!;
  const end = source.indexOf(quote, quoteAt + 1);
  return source.slice(quoteAt + 1, end);
}

/**
 * Same length and line breaks as the source; comment bodies and string bodies replaced by spaces,
 * quotes kept (so a specifier's position still points at its literal in the original).
 */
export function blankCommentsAndStrings(source: string): string {
  let out = '';
  let i = 0;
  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i);
      const stop = end === -1 ? source.length : end;
      out += ' '.repeat(stop - i);
      i = stop;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      out += source.slice(i, stop).replace(/[^\n]/g, ' ');
      i = stop;
    } else if (c === "'" || c === '"' || c === '`') {
      // A quote inside a regex literal (/['"]/) would open a string here: ' and " strings end at
      // the line's end, so such a misreading blanks one line at most.
      let j = i + 1;
      while (j < source.length && source[j] !== c && (c === '`' || source[j] !== '\n')) j += source[j] === '\\' ? 2 : 1;
      const body = source.slice(i + 1, j);
      // A specifier stays readable only where an import can stand: keep short plain literals.
      const keep = c !== '`' && /^[\w@./:-]+$/.test(body);
      out += c + (keep ? body : body.replace(/[^\n]/g, ' ')) + (j < source.length ? c : '');
      i = j + 1;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}
