import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { extractImports } from './imports.js';

/**
 * The README's dependency rule, executable. Each layer lists what it may import of ours; `node:`
 * builtins are allowed only where I/O is. A change that breaks the rule fails here, naming the
 * file and the import.
 */
const SRC = resolve(dirname(fileURLToPath(import.meta.url)), '../../../src');

type Layer = 'core' | 'tz' | 'store' | 'ui' | 'commands' | 'web' | 'leaf' | 'top';

/** Files at src/ itself: the leaves everyone may use, and the top that wires everything. */
const LEAVES = new Set(['errors.ts', 'context.ts', 'version.ts', 'interrupt.ts']);

function layerOf(file: string): Layer {
  const [first] = file.split('/');
  if (first === 'core' || first === 'tz' || first === 'store' || first === 'ui' || first === 'commands' || first === 'web') return first;
  return LEAVES.has(file) ? 'leaf' : 'top';
}

/** What each layer may import of ours (the README's architecture page says why). */
const MAY_IMPORT: Record<Layer, readonly Layer[]> = {
  core: ['core', 'tz'],
  tz: ['tz', 'core'],
  store: ['store', 'core', 'tz', 'leaf'],
  ui: ['ui', 'core', 'tz', 'leaf'],
  commands: ['commands', 'store', 'core', 'tz', 'ui', 'leaf'],
  // The site's page script, bundled for browsers (scripts/build.js): only the pure layers, so the
  // page computes with the very code the command does. Nothing of ours imports it.
  web: ['web', 'core', 'tz'],
  leaf: ['leaf'],
  top: ['top', 'commands', 'store', 'core', 'tz', 'ui', 'leaf'],
};

/** Pure layers: no fs, no processes, no clock of the machine's, no environment. web/ runs in a browser. */
const NO_BUILTINS: readonly Layer[] = ['core', 'tz', 'web'];

function sourceFiles(dir = SRC): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [relative(SRC, path).split('\\').join('/')] : [];
  });
}

interface Edge {
  from: string;
  to: string;
  typeOnly: boolean;
}

function edges(): { edges: Edge[]; builtins: { from: string; specifier: string; typeOnly: boolean }[] } {
  const all: Edge[] = [];
  const builtins: { from: string; specifier: string; typeOnly: boolean }[] = [];
  for (const file of sourceFiles()) {
    for (const imported of extractImports(readFileSync(join(SRC, file), 'utf8'))) {
      if (imported.specifier.startsWith('node:')) builtins.push({ from: file, specifier: imported.specifier, typeOnly: imported.typeOnly });
      if (!imported.specifier.startsWith('.')) continue;
      const target = relative(SRC, resolve(SRC, dirname(file), imported.specifier))
        .split('\\')
        .join('/')
        .replace(/\.js$/, '.ts');
      all.push({ from: file, to: target, typeOnly: imported.typeOnly });
    }
  }
  return { edges: all, builtins };
}

/** A command module is one that registers a command (exports `register`); the rest are its helpers. */
function isCommandModule(file: string): boolean {
  return file.startsWith('commands/') && /export function register\(/.test(readFileSync(join(SRC, file), 'utf8'));
}

describe('the dependency rule (README, "Architecture")', () => {
  const graph = edges();

  it('reads the imports of every source file', () => {
    expect(sourceFiles().length).toBeGreaterThan(60);
    expect(graph.edges.some((edge) => edge.from === 'program.ts' && edge.to === 'commands/who.ts')).toBe(true);
  });

  it('each layer imports only the layers below it', () => {
    const broken = graph.edges
      .filter((edge) => !MAY_IMPORT[layerOf(edge.from)].includes(layerOf(edge.to)))
      .map((edge) => `${edge.from} → ${edge.to}`);
    expect(broken).toEqual([]);
  });

  it('nothing imports web/ but web/ itself (the build bundles it on its own)', () => {
    const broken = graph.edges
      .filter((edge) => layerOf(edge.to) === 'web' && layerOf(edge.from) !== 'web')
      .map((edge) => `${edge.from} → ${edge.to}`);
    expect(broken).toEqual([]);
  });

  it('core/, tz/ and web/ are pure: no node: builtins', () => {
    const broken = graph.builtins
      .filter((b) => NO_BUILTINS.includes(layerOf(b.from)) && !b.typeOnly)
      .map((b) => `${b.from} → ${b.specifier}`);
    expect(broken).toEqual([]);
  });

  it("nothing imports a command's module but program.ts; commands do not import each other", () => {
    const broken = graph.edges
      .filter((edge) => isCommandModule(edge.to) && edge.from !== 'program.ts')
      .map((edge) => `${edge.from} → ${edge.to}`);
    expect(broken).toEqual([]);
  });

  it('no import cycles (static, dynamic and type-only imports alike)', () => {
    const next = new Map<string, string[]>();
    for (const edge of graph.edges) next.set(edge.from, [...(next.get(edge.from) ?? []), edge.to]);
    const cycles: string[] = [];
    const state = new Map<string, 'open' | 'done'>();
    const visit = (file: string, path: string[]) => {
      if (state.get(file) === 'done') return;
      if (state.get(file) === 'open') {
        cycles.push([...path.slice(path.indexOf(file)), file].join(' → '));
        return;
      }
      state.set(file, 'open');
      for (const to of next.get(file) ?? []) visit(to, [...path, file]);
      state.set(file, 'done');
    };
    for (const file of sourceFiles()) visit(file, []);
    expect(cycles).toEqual([]);
  });
});
