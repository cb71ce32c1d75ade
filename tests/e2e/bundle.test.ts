import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildSync } from 'esbuild';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeCompileCache } from '../../src/compileCache.js';

/** Node 22.1 and later keep their own compile cache; only Node 20 gets the build's code cache. */
const nodeCaches = nodeCompileCache !== undefined;

const root = fileURLToPath(new URL('../../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'async-bundle-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs `code` in a plain `node` (not under vitest, whose V8 flags differ) with src/compileCache.ts bundled in. */
function inPlainNode(code: string): string {
  const loader = join(dir, 'compileCache.cjs');
  buildSync({
    entryPoints: [join(root, 'src/compileCache.ts')],
    bundle: true,
    format: 'cjs',
    platform: 'node',
    outfile: loader,
    logLevel: 'silent',
  });
  const script = join(dir, 'check.cjs');
  writeFileSync(script, `const { loadBundle } = require(${JSON.stringify(loader)});\n${code}`);
  return execFileSync(process.execPath, [script], { encoding: 'utf8', env: { PATH: process.env.PATH } });
}

describe('the build', () => {
  it('ships CommonJS only (and the tz data as JSON), so no start-up runs the ES module loader', () => {
    const files = readdirSync(join(root, 'dist'), { recursive: true })
      .map(String)
      .filter((f) => f.includes('.'))
      .sort();
    expect(files).toEqual([
      'cli.cjs',
      'program.cjs',
      ...(nodeCaches ? [] : ['program.cjs.v8cache']),
      // The browser script `async site` inlines in its pages, read as text: Node never runs it.
      'site.js',
      'tzdata.json',
      'vendor/chalk.cjs',
      'vendor/date-holidays.cjs',
      'vendor/ical.js.cjs',
      'vendor/inquirer-prompts.cjs',
      'vendor/luxon.cjs',
      'vendor/markdown-it.cjs',
      'vendor/ora.cjs',
      'vendor/string-width.cjs',
      'vendor/yaml.cjs',
      // A repeated `async who`, from its saved view (src/whoFast.ts).
      'whoFast.cjs',
      ...(nodeCaches ? [] : ['whoFast.cjs.v8cache']),
    ]);
  });

  it.skipIf(nodeCaches)('Node 20 only (22.1+ has its own compile cache): writes a code cache that this Node accepts for the bundle', () => {
    const out = inPlainNode(`
      const { cacheUsed, exports: program } = loadBundle(${JSON.stringify(join(root, 'dist/program.cjs'))});
      process.stdout.write(JSON.stringify({ cacheUsed, runProgram: typeof program.runProgram }));
    `);
    expect(JSON.parse(out)).toEqual({ cacheUsed: true, runProgram: 'function' });
    const who = inPlainNode(`
      const { cacheUsed, exports: fast } = loadBundle(${JSON.stringify(join(root, 'dist/whoFast.cjs'))});
      process.stdout.write(JSON.stringify({ cacheUsed, fastWho: typeof fast.fastWho }));
    `);
    expect(JSON.parse(who)).toEqual({ cacheUsed: true, fastWho: 'function' });
  });

  it.skipIf(!nodeCaches)("Node 22.1+ only: the binary keeps the bundle's compiled code in Node's compile cache, under the temp dir", () => {
    const temp = join(dir, 'tmp');
    mkdirSync(temp);
    const env = { PATH: process.env.PATH, HOME: dir, TMPDIR: temp, NO_COLOR: '1' };
    execFileSync(process.execPath, [join(root, 'bin/async.cjs'), '--help'], { encoding: 'utf8', env });
    const versions = readdirSync(join(temp, 'node-compile-cache'));
    expect(versions).toEqual([expect.stringContaining(process.version)]);
    expect(readdirSync(join(temp, 'node-compile-cache', versions[0]!)).length).toBeGreaterThan(0);
  });
});
