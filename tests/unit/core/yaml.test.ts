import { describe, expect, it } from 'vitest';
import { parseYamlSafely, stringifyYaml } from '../../../src/core/yaml.js';

function billionLaughs(levels: number): string {
  const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i++) {
    const prev = String.fromCharCode(96 + i);
    const name = String.fromCharCode(97 + i);
    lines.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
  }
  return `${lines.join('\n')}\n`;
}

function timed<T>(run: () => T): { result: T; ms: number } {
  const start = performance.now();
  const result = run();
  return { result, ms: performance.now() - start };
}

// [name, input, what the error must mention]
const rejected: [string, string, RegExp][] = [
  ['alias bomb (billion laughs)', billionLaughs(10), /alias/i],
  ['a single alias', 'a: &x 1\nb: *x\n', /alias/i],
  ['alias as a key', 'a: &k x\n*k : 2\n', /alias/i],
  ['deep flow nesting', `${'['.repeat(200_000)}`, /nested/],
  ['deep flow nesting, closed', `${'['.repeat(100)}${']'.repeat(100)}`, /nested/],
  ['deep block nesting', Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}k:`).join('\n'), /nested/],
  ['deep sequence nesting on one line', '- '.repeat(50_000), /nested/],
  ['deep explicit keys', '? '.repeat(50_000), /nested/],
  ['!!js/function', 'f: !!js/function "function () { process.exit(1) }"\n', /tag/i],
  ['!!python/object/apply', 'x: !!python/object/apply:os.system ["rm -rf /"]\n', /tag/i],
  ['!!python/object', 'x: !!python/object:__main__.Evil {}\n', /tag/i],
  ['local tag', 'x: !foo bar\n', /tag/i],
  ['!!set from YAML 1.1', 'x: !!set {a, b}\n', /tag/i],
  ['!!binary from YAML 1.1', 'x: !!binary aGVsbG8=\n', /tag/i],
  ['!!timestamp', 'x: !!timestamp 2026-01-01\n', /tag/i],
  ['!!omap', 'x: !!omap [a: 1]\n', /tag/i],
  ['duplicate keys', 'author: alice\nauthor: mallory\n', /duplicate key "author" on line 2/],
  ['duplicate keys after stringifying', '1: a\n"1": b\n', /duplicate key/],
  ['duplicate nested keys', 'a:\n  b: 1\n  b: 2\n', /duplicate key "b"/],
  ['collection as a key', '? [a, b]\n: c\n', /key/],
  ['multiple documents', 'a: 1\n---\nb: 2\n', /more than one document/],
  ['multiple documents after an end marker', 'a: 1\n...\n---\nb: 2\n', /more than one document/],
  ['binary garbage', '\u0000\u0001\u00ff\ufffd: [\n\u0007{', /YAML/],
  ['unclosed quote', 'a: "open\n', /YAML/],
  ['bad indentation', 'a:\n  b: 1\n c: 2\n', /YAML/],
  ['unknown directive version', '%YAML 2.0\n---\na: 1\n', /YAML/],
];

describe('parseYamlSafely rejects hostile YAML quickly, without throwing', () => {
  it.each(rejected)('%s', (_name, input, mention) => {
    const { result, ms } = timed(() => parseYamlSafely(input));
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatch(mention);
    expect(ms).toBeLessThan(1_000);
  });

  it('rejects a 10 MB document without parsing it', () => {
    const huge = `a: "${'x'.repeat(10 * 1024 * 1024)}"\n`;
    const { result, ms } = timed(() => parseYamlSafely(huge));
    expect(result).toEqual({ ok: false, error: expect.stringMatching(/too large/) });
    expect(ms).toBeLessThan(50);
  });

  it('takes the limits as options', () => {
    expect(parseYamlSafely('a: [[1]]', { maxDepth: 2 }).ok).toBe(false);
    expect(parseYamlSafely('a: [[1]]', { maxDepth: 3 }).ok).toBe(true);
    expect(parseYamlSafely('a: 12345', { maxChars: 5 }).ok).toBe(false);
  });

  it('stays linear on many keys (the library check is quadratic)', () => {
    // A ratio, not a time budget, so a loaded machine cannot fail it: five times the keys cost about
    // five times as much when linear, twenty-five times when quadratic (the library's own check).
    const keys = (n: number) => Array.from({ length: n }, (_, i) => `k${i}: v`).join('\n');
    const best = (text: string) => Math.min(...[0, 1, 2].map(() => timed(() => parseYamlSafely(text)).ms));
    const [small, big] = [keys(3_000), keys(15_000)];
    expect(parseYamlSafely(big).ok).toBe(true);
    best(small);
    expect(best(big) / best(small)).toBeLessThan(12);
  });
});

describe('parseYamlSafely reads YAML 1.2 core data', () => {
  it.each([
    [
      'YAML 1.1 directive cannot make times numbers or no false',
      '%YAML 1.1\n---\nhours: 17:00-18:00\nstart: 17:00\noff: no\non: yes\n',
      { hours: '17:00-18:00', start: '17:00', off: 'no', on: 'yes' },
    ],
    [
      'times and dates stay strings',
      'hours: 09:00-17:00\nat: 17:00\nday: 2026-12-22\ncreated: 2026-11-24T18:30:12+01:00\n',
      { hours: '09:00-17:00', at: '17:00', day: '2026-12-22', created: '2026-11-24T18:30:12+01:00' },
    ],
    ['core scalars', 'a: 1\nb: 1.5\nc: true\nd: null\ne: ~\nf: "2"\ng: 0o17\n', { a: 1, b: 1.5, c: true, d: null, e: null, f: '2', g: 15 }],
    ['merge keys are not honoured', 'base: {x: 1}\n<<: {y: 2}\n', { base: { x: 1 }, '<<': { y: 2 } }],
    ['standard tags are fine', 'a: !!str 12\nb: !!int "7"\n', { a: '12', b: 7 }],
    ['lists', 'done: [a, "b: c", "# d"]\nnext:\n  - "- e"\n', { done: ['a', 'b: c', '# d'], next: ['- e'] }],
    ['comments and explicit document start', '# hi\n---\na: 1 # note\n', { a: 1 }],
    ['a bare scalar', 'just text', 'just text'],
  ])('%s', (_name, input, expected) => {
    expect(parseYamlSafely(input)).toEqual({ ok: true, value: expected });
  });

  it.each([
    ['empty input', ''],
    ['only comments', '# nothing here\n'],
    ['only whitespace', '  \n\n'],
  ])('%s is null', (_name, input) => {
    expect(parseYamlSafely(input)).toEqual({ ok: true, value: null });
  });

  it.each([
    ['__proto__', '__proto__: {polluted: 1}\nok: 1\n'],
    ['__proto__ quoted', '"__proto__":\n  polluted: 1\nok: 1\n'],
    ['nested __proto__', 'ok: 1\ninner:\n  __proto__: {polluted: 1}\n'],
    ['constructor.prototype', 'constructor:\n  prototype:\n    polluted: 1\nok: 1\n'],
    ['prototype', 'prototype: {polluted: 1}\nok: 1\n'],
  ])('%s never touches a prototype', (_name, input) => {
    const result = parseYamlSafely(input);
    expect(result.ok).toBe(true);
    const value = (result as { value: Record<string, unknown> }).value;
    expect(Object.getPrototypeOf(value)).toBe(null);
    expect(Object.keys(value)).not.toContain('__proto__');
    expect(Object.keys(value)).not.toContain('constructor');
    expect(Object.keys(value)).not.toContain('prototype');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    // Copying the data into ordinary objects stays harmless too.
    expect(({ ...value } as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.assign({}, value) as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('stringifyYaml', () => {
  it('quotes strings that other YAML readers would take for something else', () => {
    const value = { a: 'no', b: '17:00', c: '2026-12-22', d: '123', e: 'true', f: 'null', g: '', h: 'yes' };
    const text = stringifyYaml(value);
    for (const word of ['"no"', '"17:00"', '"2026-12-22"', '"123"', '"true"', '"null"', '""', '"yes"']) {
      expect(text).toContain(word);
    }
    expect(parseYamlSafely(text)).toEqual({ ok: true, value });
  });

  it('writes flow style only for the keys asked for, and never anchors', () => {
    const shared = ['mon', 'tue'];
    const text = stringifyYaml({ workdays: shared, again: shared }, { flowKeys: ['workdays'] });
    expect(text).toBe('workdays: [ mon, tue ]\nagain:\n  - mon\n  - tue\n');
  });

  it('does not fold long lines', () => {
    const long = 'word '.repeat(60).trim();
    expect(stringifyYaml({ long })).toBe(`long: ${long}\n`);
  });

  it.each([
    ['YAML syntax', 'a: b # c'],
    ['document markers', '---\n...\n---'],
    ['control characters', 'x\u0000\u001b[31m\u0085\u2028y'],
    ['leading and trailing spaces', '  padded  '],
    ['indicators', '- * & ! | > % @ ` {'],
    ['unicode', 'Ærøskøbing 東京 👩‍💻 مرحبا'],
    ['multi-line with blank lines', 'one\n\n  two\n\n'],
  ])('round-trips %s', (_name, text) => {
    const value = { text, list: [text] };
    expect(parseYamlSafely(stringifyYaml(value))).toEqual({ ok: true, value });
  });
});
