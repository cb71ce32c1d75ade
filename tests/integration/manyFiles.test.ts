import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, makeSandbox, type RunResult, runInProcess, type Sandbox } from '../helpers/cli.js';
import { makeBareRemote } from '../helpers/git.js';

/**
 * A day folder of a large team holds more entry files than a process may have open at once (a
 * 2,000-member workspace writes ~1,370 a day, and the usual limit is 1,024). Reading them all at
 * once ran out of file descriptors: entries were skipped with a warning each, and the skips were
 * cached, so every later catchup showed the same holes.
 */
let box: Sandbox;
let alice: string;
const FILES = 600;
const NOW = '2026-11-24T12:00:00Z';

beforeEach(async () => {
  box = makeSandbox();
  const remote = makeBareRemote(box.dir);
  const init = await runInProcess(['init', 'alice', '--remote', remote, '--as', 'alice', '--tz', 'UTC'], {
    cwd: box.dir,
    env: box.env,
    now: '2026-10-20T08:00:00Z',
  });
  expect(init.code, init.stderr).toBe(0);
  alice = join(box.dir, 'alice');
  // Twenty days ago: outside the last two weeks, so the read is catchup's blockers-only one.
  const folder = join(alice, 'entries/2026/11/04');
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < FILES; i++) {
    const created = new Date(Date.UTC(2026, 10, 4, 8, 0, 0) + i * 1000).toISOString().replace('.000Z', 'Z');
    const id = `${created.replace(/[-:]/g, '')}-alice-${String(i).padStart(4, '0')}`;
    const text = `---\nid: ${id}\nkind: update\nauthor: alice\ncreated: "${created}"\ntz: UTC\ndone:\n  - Step ${i}\nblockers:\n  - Waiting on thing ${i}\n---\n`;
    writeFileSync(join(folder, `${id}.md`), text);
  }
});
afterEach(() => box.cleanup());

/** The built binary under a file-descriptor limit well below the folder's file count. */
function catchupLimited(limit: number): Promise<RunResult> {
  const argv = ['catchup', '--json', '--no-pull', '--since', '36h', '--as', 'alice'];
  return new Promise((resolve) => {
    execFile(
      'sh',
      ['-c', `ulimit -n ${limit} && exec "$0" "$@"`, process.execPath, BIN, ...argv],
      { cwd: alice, env: { ...box.env, ASYNC_NOW: NOW } as NodeJS.ProcessEnv, timeout: 60_000, maxBuffer: 64 << 20 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
    );
  });
}

describe('a day folder with more files than may be open at once', () => {
  it('catchup reads every entry, cold and from the cache, with no warning', async () => {
    for (const run of ['cold', 'warm']) {
      const result = await catchupLimited(200);
      expect(result.code, `${run}: ${result.stderr}`).toBe(0);
      const view = JSON.parse(result.stdout);
      expect(view.warnings, run).toEqual([]);
      // --json lists open blockers by id; the escalated ones are among them.
      expect(new Set(view.openBlockers).size, run).toBe(FILES);
    }
    expect(readdirSync(join(alice, '.git/async/cache'))).toContain('blockers-2026-11-04.json');
  }, 120_000);

  it('a read that ran out of file descriptors is not cached: the next catchup reads the files again', async () => {
    // Fewer descriptors than the reads' own bound: some files cannot be opened, and say so.
    const starved = await catchupLimited(40);
    expect(starved.code, starved.stderr).toBe(0);
    expect(JSON.parse(starved.stdout).warnings.some((warning: string) => warning.includes('EMFILE'))).toBe(true);
    const result = await catchupLimited(200);
    const view = JSON.parse(result.stdout);
    expect(view.warnings).toEqual([]);
    expect(new Set(view.openBlockers).size).toBe(FILES);
  }, 120_000);
});
