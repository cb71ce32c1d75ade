import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runBin, type Sandbox } from '../helpers/cli.js';
import { makeBareRemote } from '../helpers/git.js';

/**
 * The built binary: date-holidays lives in dist/vendor/ and only `holidays sync` loads it; `who`
 * reads the file sync wrote. A preloaded hook records every module the process requires (the
 * bundle itself is compiled by hand, src/compileCache.ts, but its requires go through Node's).
 */
let box: Sandbox;
let ws: string;
let env: Record<string, string | undefined>;
const HOOK = `
const Module = require('node:module');
const { appendFileSync } = require('node:fs');
const load = Module._load;
Module._load = function (request, parent, isMain) {
  const loaded = load.apply(this, arguments);
  try { appendFileSync(process.env.LOADED_LOG, Module._resolveFilename(request, parent, isMain) + '\\n'); } catch {}
  return loaded;
};
`;
const bin = (argv: string[], log: string) =>
  runBin(argv, { cwd: ws, env: { ...env, LOADED_LOG: log, NODE_OPTIONS: `--require ${join(box.dir, 'hook.cjs')}` }, timeoutMs: 60_000 });
const loaded = (log: string) => readFileSync(log, 'utf8').split('\n').filter(Boolean);

beforeAll(async () => {
  box = makeSandbox();
  writeFileSync(join(box.dir, 'hook.cjs'), HOOK);
  const remote = makeBareRemote(box.dir);
  env = { ...box.env, ASYNC_NOW: '2026-12-25T10:00:00Z' };
  const init = await runBin(['init', 'team', '--remote', remote, '--as', 'ana', '--tz', 'Europe/Berlin', '--holidays', 'DE-BY'], {
    cwd: box.dir,
    env,
  });
  expect(init.stderr).toBe('');
  ws = join(box.dir, 'team');
});
afterAll(() => box.cleanup());

describe('holidays in the built binary', () => {
  it('holidays sync loads dist/vendor/date-holidays.cjs and writes real data; who reads the file without it', async () => {
    const syncLog = join(box.dir, 'sync.log');
    const sync = await bin(['holidays', 'sync'], syncLog);
    expect(sync.stderr).toBe('');
    expect(sync.code).toBe(0);
    expect(readFileSync(join(ws, 'holidays/DE-BY.yaml'), 'utf8')).toContain('"2026-12-25": Christmas Day\n');
    expect(loaded(syncLog).some((path) => path.endsWith(join('dist', 'vendor', 'date-holidays.cjs')))).toBe(true);

    // Twice: the first run parses (YAML) and fills the roster cache, the second is served from it.
    for (const run of ['parse', 'cached']) {
      const log = join(box.dir, `who-${run}.log`);
      const who = await bin(['who', '--json'], log);
      expect(who.code).toBe(0);
      expect(JSON.parse(who.stdout).members[0]).toMatchObject({ handle: 'ana', online: false, holiday: 'Christmas Day' });
      const paths = loaded(log);
      expect(paths.filter((path) => /date-holidays|moment|astronomia|caldate/.test(path))).toEqual([]);
      // The hook sees the bundle's requires (the parse loads YAML); from the cache not even YAML is loaded.
      expect(paths.some((path) => path.endsWith(join('vendor', 'yaml.cjs')))).toBe(run === 'parse');
    }
  });
});
