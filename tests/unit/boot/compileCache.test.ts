import { mkdtempSync, rmSync, statSync, utimesSync, writeFileSync, readFileSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CACHE_SUFFIX, loadBundle, nodeCompileCache, requireBundle, writeCodeCache } from '../../../src/compileCache.js';

/** A CommonJS bundle in miniature: module variables, require, and a function to train on. */
const BUNDLE = `
const { sep } = require('node:path');
function double(n) { return n * 2; }
module.exports = { double, sep, file: __filename, dir: __dirname, self: this === module.exports };
`;

describe('compileCache: which cache loads the bundle', () => {
  const [major = 0, minor = 0] = process.versions.node.split('.').map(Number);

  it(`finds Node's own compile cache exactly where Node has it (22.1 and later; this is ${process.version})`, () => {
    expect(nodeCompileCache !== undefined).toBe(major > 22 || (major === 22 && minor >= 1));
  });

  it("turns Node's compile cache on, then requires the bundle as Node would", () => {
    const dir = mkdtempSync(join(tmpdir(), 'async-cc-'));
    try {
      const file = join(dir, 'program.cjs');
      writeFileSync(file, BUNDLE);
      let enabled = 0;
      const exports = requireBundle(file, () => enabled++) as { double(n: number): number; file: string; self: boolean };
      expect(enabled).toBe(1);
      expect(exports.double(3)).toBe(6);
      expect(exports).toMatchObject({ file, self: true });
      // Not through vm: Node's loader has it in its module cache.
      expect(createRequire(file).cache[file]?.exports).toBe(exports);
      // Without Node's cache (Node 20), the build's, with no cache file here: compiled from source.
      expect((requireBundle(file, undefined) as { double(n: number): number }).double(5)).toBe(10);
      expect(readdirSync(dir)).toEqual(['program.cjs']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('compileCache: the built bundle with the V8 code cache the build wrote (the Node 20 loader, which works on any Node)', () => {
  let dir: string;
  let file: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'async-cc-'));
    file = join(dir, 'program.cjs');
    writeFileSync(file, BUNDLE);
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('loads the bundle as require would, with or without a cache', async () => {
    const plain = loadBundle(file);
    expect(plain.cacheUsed).toBe(false);
    expect(plain.exports).toEqual({ double: expect.any(Function), sep: '/', file, dir, self: true });

    const size = await writeCodeCache(file, async (exports) => {
      expect((exports as { double(n: number): number }).double(21)).toBe(42);
    });
    expect(size).toBeGreaterThan(0);
    expect(readdirSync(dir).sort()).toEqual(['program.cjs', `program.cjs${CACHE_SUFFIX}`]);

    const cached = loadBundle(file);
    expect(cached.cacheUsed).toBe(true);
    expect((cached.exports as { double(n: number): number }).double(4)).toBe(8);
  });

  it('ignores a cache older than the bundle (the bundle was edited after the build)', async () => {
    // Trained on double(), so its bytecode is in the cache.
    await writeCodeCache(file, async (exports) => void (exports as { double(n: number): number }).double(1));
    // Same length, so V8's own check (version, flags, source length) would accept the stale cache.
    writeFileSync(file, BUNDLE.replace('n * 2', 'n * 3'));
    const cache = `${file}${CACHE_SUFFIX}`;
    const older = statSync(file).mtimeMs / 1000 - 10;
    utimesSync(cache, older, older);
    const loaded = loadBundle(file);
    expect(loaded.cacheUsed).toBe(false);
    expect((loaded.exports as { double(n: number): number }).double(2)).toBe(6);
  });

  it('uses a cache as new as the bundle (an installer may give every file one mtime)', async () => {
    await writeCodeCache(file, async () => {});
    const same = new Date('1985-10-26T08:15:00Z');
    utimesSync(file, same, same);
    utimesSync(`${file}${CACHE_SUFFIX}`, same, same);
    expect(loadBundle(file).cacheUsed).toBe(true);
  });

  it('compiles from source when V8 refuses the cache, or when there is none', () => {
    writeFileSync(`${file}${CACHE_SUFFIX}`, 'not bytecode at all');
    const garbage = loadBundle(file);
    expect(garbage.cacheUsed).toBe(false);
    expect((garbage.exports as { double(n: number): number }).double(5)).toBe(10);

    rmSync(`${file}${CACHE_SUFFIX}`);
    expect(loadBundle(file).cacheUsed).toBe(false);
  });

  it('writes the cache whole or not at all: no temporary file is left behind', async () => {
    await expect(
      writeCodeCache(file, async () => {
        throw new Error('training failed');
      }),
    ).rejects.toThrow('training failed');
    expect(readdirSync(dir)).toEqual(['program.cjs']);
    await writeCodeCache(file, async () => {});
    expect(readFileSync(`${file}${CACHE_SUFFIX}`).length).toBeGreaterThan(0);
    expect(readdirSync(dir).sort()).toEqual(['program.cjs', `program.cjs${CACHE_SUFFIX}`]);
  });
});
