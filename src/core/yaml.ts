/**
 * YAML for files anyone on the team can write, so every input is treated as hostile. Reading is
 * bounded in size and depth, never throws, resolves no tags beyond YAML 1.2's core schema (so
 * nothing is ever constructed or executed), refuses aliases, duplicate keys and multi-document
 * streams, and returns plain data in null-prototype objects.
 */
import { Composer, Document, isAlias, isCollection, isMap, isScalar, isSeq, Lexer, Parser, visit } from 'yaml';
import type { CST } from 'yaml';

export interface YamlLimits {
  /** Longest input accepted, in UTF-16 code units (characters, for ordinary text). */
  maxChars: number;
  /** Deepest nesting of mappings and sequences accepted; the top-level value is depth 1. */
  maxDepth: number;
}

export const DEFAULT_YAML_LIMITS: YamlLimits = { maxChars: 256 * 1024, maxDepth: 32 };

export type YamlResult = { ok: true; value: unknown } | { ok: false; error: string };

// An explicit schema wins over a `%YAML 1.1` directive, so `17:00` stays a string instead of a
// sexagesimal 1020 and `no` stays a string instead of false. Merge keys (`<<`) are plain keys;
// `!!binary`, `!!set`, `!!timestamp` and the like are refused rather than built into objects.
// Key uniqueness is checked by `toPlain`, in linear time; the library's own check is quadratic.
const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'core',
  merge: false,
  resolveKnownTags: false,
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
  intAsBigInt: false,
} as const;

/** Keys that could reach a prototype if a consumer ever copied the data into a plain object. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

class Rejection extends Error {}

export function parseYamlSafely(text: string, limits: Partial<YamlLimits> = {}): YamlResult {
  const { maxChars, maxDepth } = { ...DEFAULT_YAML_LIMITS, ...limits };
  if (typeof text !== 'string') return { ok: false, error: 'the YAML is not text' };
  if (text.length > maxChars) {
    return { ok: false, error: `the YAML is too large (${text.length} characters; the limit is ${maxChars})` };
  }
  try {
    const docs = [...new Composer(PARSE_OPTIONS).compose(tokenize(text, maxDepth))];
    if (docs.length > 1) return { ok: false, error: 'the YAML holds more than one document' };
    const doc = docs[0];
    if (doc === undefined) return { ok: true, value: null };
    const problem = doc.errors[0] ?? doc.warnings[0];
    if (problem) return { ok: false, error: `invalid YAML ${lineOf(text, problem.pos[0])} (${problem.message})` };
    return { ok: true, value: toPlain(doc.contents, text, maxDepth, 1) };
  } catch (error) {
    if (error instanceof Rejection) return { ok: false, error: error.message };
    return { ok: false, error: `the YAML could not be read (${(error as Error).message})` };
  }
}

/**
 * The CST parser keeps a stack of open collections; watching it lets us stop a deeply nested
 * document early, before the library's recursive composer could exhaust the call stack.
 */
function tokenize(text: string, maxDepth: number): CST.Token[] {
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  for (const lexeme of new Lexer().lex(text)) {
    for (const token of parser.next(lexeme)) tokens.push(token);
    // The stack holds the document and a pending scalar besides the collections themselves.
    if (parser.stack.length > maxDepth + 2) throw new Rejection(`the YAML is nested more than ${maxDepth} levels deep`);
  }
  for (const token of parser.end()) tokens.push(token);
  return tokens;
}

function toPlain(node: unknown, text: string, maxDepth: number, depth: number): unknown {
  if (node === null || node === undefined) return null;
  if (isAlias(node)) throw new Rejection(`YAML aliases are not allowed (*${node.source} ${lineOf(text, node.range?.[0])})`);
  if (isScalar(node)) return node.value;
  if (isCollection(node) && depth > maxDepth) throw new Rejection(`the YAML is nested more than ${maxDepth} levels deep`);
  if (isSeq(node)) return node.items.map((item) => toPlain(item, text, maxDepth, depth + 1));
  if (isMap(node)) {
    const out: Record<string, unknown> = Object.create(null);
    for (const pair of node.items) {
      const key = keyOf(pair.key, text);
      if (FORBIDDEN_KEYS.has(key)) continue;
      if (key in out) throw new Rejection(`duplicate key "${key}" ${lineOf(text, rangeStart(pair.key))}`);
      out[key] = toPlain(pair.value, text, maxDepth, depth + 1);
    }
    return out;
  }
  throw new Rejection('the YAML holds a value of an unknown kind');
}

function keyOf(key: unknown, text: string): string {
  if (key === null || key === undefined) return '';
  if (isScalar(key)) return String(key.value);
  if (isAlias(key)) throw new Rejection(`YAML aliases are not allowed (*${key.source} ${lineOf(text, key.range?.[0])})`);
  throw new Rejection(`a mapping key is not plain text ${lineOf(text, rangeStart(key))}`);
}

function rangeStart(node: unknown): number | undefined {
  return (node as { range?: [number, ...number[]] } | null)?.range?.[0];
}

function lineOf(text: string, offset: number | undefined): string {
  if (offset === undefined) return 'in the document';
  let line = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return `on line ${line}`;
}

export interface StringifyOptions {
  /** Keys whose list or mapping value is written on one line, `[mon, tue]` style. */
  flowKeys?: readonly string[];
}

/**
 * Plain YAML 1.2 that also reads the same in YAML 1.1 tools: strings such as `no`, `17:00` or
 * `2026-12-22` are quoted. Never emits anchors, tags or folded lines.
 */
export function stringifyYaml(value: unknown, options: StringifyOptions = {}): string {
  const doc = new Document(value, { version: '1.2', compat: 'yaml-1.1', aliasDuplicateObjects: false });
  const flowKeys = new Set(options.flowKeys ?? []);
  if (flowKeys.size > 0) {
    visit(doc, {
      Pair(_, pair) {
        if (isScalar(pair.key) && flowKeys.has(String(pair.key.value)) && isCollection(pair.value)) {
          pair.value.flow = true;
        }
      },
    });
  }
  return doc.toString({ lineWidth: 0 });
}
