import { describe, expect, it } from 'vitest';
import { extractImports } from './imports.js';

describe('extractImports: what the dependency rule reads', () => {
  it.each([
    ['a named import', "import { a } from './a.js';", [{ specifier: './a.js', typeOnly: false, dynamic: false }]],
    [
      'a type-only import',
      "import type { A } from '../core/types.js';",
      [{ specifier: '../core/types.js', typeOnly: true, dynamic: false }],
    ],
    ['a default and namespace import', 'import x, * as y from "yaml";', [{ specifier: 'yaml', typeOnly: false, dynamic: false }]],
    ['a bare import for its effect', "import './polyfill.js';", [{ specifier: './polyfill.js', typeOnly: false, dynamic: false }]],
    ['a re-export', "export { b } from './b.js';", [{ specifier: './b.js', typeOnly: false, dynamic: false }]],
    ['a type re-export', "export type { B } from './b.js';", [{ specifier: './b.js', typeOnly: true, dynamic: false }]],
    ['a multi-line import', "import {\n  a,\n  b,\n} from './ab.js';", [{ specifier: './ab.js', typeOnly: false, dynamic: false }]],
    ['a dynamic import', "const { c } = await import('./c.js');", [{ specifier: './c.js', typeOnly: false, dynamic: true }]],
    ['a local export is not an import', 'export const x = 1;\nexport function f() {}', []],
    ['an import in a line comment', "// import { a } from './a.js';", []],
    ['an import in a block comment', "/* await import('./c.js') */", []],
    ['an import inside a string', 'const s = "import { a } from \'./a.js\'";', []],
    ['a dynamic import inside a template literal', "const s = `await import('./c.js')`;", []],
    [
      'a URL with // in a string does not start a comment',
      "const u = 'https://x.org'; import { a } from './a.js';",
      [{ specifier: './a.js', typeOnly: false, dynamic: false }],
    ],
    [
      'a quote in a regex literal spoils one line at most',
      "const r = /['\"]/;\nconst { c } = await import('./c.js');",
      [{ specifier: './c.js', typeOnly: false, dynamic: true }],
    ],
  ])('%s', (_name, source, expected) => {
    expect(extractImports(source)).toEqual(expected);
  });
});
