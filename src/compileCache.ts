import { closeSync, fstatSync, openSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import * as nodeModule from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

/**
 * Loading the built CommonJS bundle with compiled code from an earlier run, so V8 does not parse
 * and compile the 350 kB bundle at every start-up (10–20 ms of CPU on `async who`, see bench/README.md).
 *
 * Node 22.1 and later: Node's own compile cache (`module.enableCompileCache()`), in the directory
 * Node picks for every program that uses it: `NODE_COMPILE_CACHE` if set, else
 * `<os.tmpdir()>/node-compile-cache`, per Node version and keyed by each file's content, written
 * on the first run (so it fits whichever Node the user has) and covering the vendor files too.
 * `NODE_DISABLE_COMPILE_CACHE=1` turns it off. A folder beside the bundle would often not be
 * writable (a global install).
 *
 * Node 20, which lacks it: the bytecode the build wrote beside the bundle (`program.cjs` →
 * `program.cjs.v8cache`), handed to V8 by hand. Missing, older than the bundle, or refused by V8
 * (another Node version or V8 flags), the bundle is compiled from source as `require` would.
 * V8 itself checks its version, flags and the source's length; the make-style mtime rule below
 * catches an edit of the bundle after the build (a cache as new as the bundle is taken: installers
 * may give files one mtime).
 */

type EnableCompileCache = () => unknown;

/** Node's compile cache, where this Node has one (22.1 and later; @types/node 20 does not know it). */
export const nodeCompileCache = (nodeModule as { enableCompileCache?: EnableCompileCache }).enableCompileCache;

/** The same wrapper as Node's CommonJS loader, so the bundle sees the usual module variables. */
const WRAPPER_HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const WRAPPER_TAIL = '\n});';

export const CACHE_SUFFIX = '.v8cache';

interface Loaded {
  exports: unknown;
  script: Script;
  /** V8 took the cache: a cache was there, no older than the bundle, and V8 accepted it. */
  cacheUsed: boolean;
}

/** `require(file)` for a bundle built by scripts/build.js: through Node's compile cache, else the build's. */
export function requireBundle(file: string, enable: EnableCompileCache | undefined = nodeCompileCache): unknown {
  if (enable !== undefined) {
    enable();
    return nodeModule.createRequire(file)(file);
  }
  return loadBundle(file).exports;
}

export function loadBundle(file: string): Loaded {
  return load(file, readCache(file));
}

/**
 * Build step: load the bundle, let `train` run what start-up usually runs (so V8 compiles those
 * functions too), then write the bytecode beside the bundle, atomically.
 */
export async function writeCodeCache(file: string, train: (exports: unknown) => Promise<void>): Promise<number> {
  const loaded = load(file, undefined);
  await train(loaded.exports);
  const data = loaded.script.createCachedData();
  const temp = `${file}${CACHE_SUFFIX}.${process.pid}.tmp`;
  writeFileSync(temp, data);
  renameSync(temp, `${file}${CACHE_SUFFIX}`);
  return data.length;
}

function load(file: string, cachedData: Buffer | undefined): Loaded {
  const source = readFileSync(file, 'utf8');
  const script = new Script(WRAPPER_HEAD + source + WRAPPER_TAIL, { filename: file, cachedData });
  const module = { exports: {} as unknown };
  const wrapper = script.runInThisContext() as (...args: unknown[]) => void;
  wrapper.call(module.exports, module.exports, nodeModule.createRequire(file), module, file, dirname(file));
  return { exports: module.exports, script, cacheUsed: cachedData !== undefined && !script.cachedDataRejected };
}

function readCache(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    fd = openSync(`${file}${CACHE_SUFFIX}`, 'r');
    if (fstatSync(fd).mtimeMs < statSync(file).mtimeMs) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
