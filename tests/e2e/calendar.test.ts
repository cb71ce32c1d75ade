import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasScript, runInPty } from '../helpers/pty.js';
import { makeTeam, type Team } from '../helpers/team.js';

/**
 * The calendar commands in the built binary: ical.js is bundled as dist/vendor/ical.js.cjs and
 * loaded only by `away import`; the hot paths never load it.
 */
const OUTLOOK = fileURLToPath(new URL('../fixtures/ics/outlook.ics', import.meta.url));
const GOOGLE = fileURLToPath(new URL('../fixtures/ics/google.ics', import.meta.url));

let team: Team;
let loadedLog: string;
let preload: string;
beforeAll(async () => {
  team = await makeTeam([
    { handle: 'alice', tz: 'Europe/Berlin', hours: '09:00-17:30' },
    { handle: 'bob', tz: 'America/Los_Angeles' },
  ]);
  loadedLog = join(team.box.dir, 'loaded.txt');
  preload = join(team.box.dir, 'preload.cjs');
  // Records which files of dist/ the process loaded, at exit.
  writeFileSync(
    preload,
    `process.on('exit', () => require('node:fs').writeFileSync(${JSON.stringify(loadedLog)}, Object.keys(require.cache).join('\\n')));\n`,
  );
});
afterAll(() => team.cleanup());

const loadedBy = async (argv: string[]) => {
  const result = await team.bin('alice', argv, { NODE_OPTIONS: `--require ${preload}` });
  return { result, loaded: readFileSync(loadedLog, 'utf8').split('\n') };
};

describe('calendars in the built binary', () => {
  it('away import --yes loads ical.js from dist/vendor and commits the time off', async () => {
    const { result, loaded } = await loadedBy(['away', 'import', OUTLOOK, '--yes']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Added 7 time-off range(s) for alice.');
    expect(loaded.some((file) => file.endsWith(join('dist', 'vendor', 'ical.js.cjs')))).toBe(true);
  });

  it('off a terminal without --yes the binary exits 2 at once, naming the flag', async () => {
    const result = await team.bin('alice', ['away', 'import', OUTLOOK]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^async: Missing --yes/);
  });

  it.each([['who'], ['catchup', '--no-pull'], ['member', 'hours', '--ics'], ['away', '--ics']])(
    '%s does not load ical.js',
    async (...argv) => {
      const { result, loaded } = await loadedBy(argv);
      expect(result.code).toBe(0);
      expect(loaded.filter((file) => file.includes('ical'))).toEqual([]);
    },
  );
});

describe.skipIf(!hasScript)('away import on a terminal', () => {
  const pty = (argv: string[]) => runInPty(argv, { cwd: team.clone.bob!, env: { ...team.env, CI: undefined } });
  const head = () => team.git('bob', ['rev-parse', 'HEAD']).trim();

  it('shows the preview, asks, and writes nothing when the answer is no', async () => {
    const before = head();
    const session = pty(['away', 'import', GOOGLE]);
    await session.waitFor(/Add 5 time-off range\(s\) for bob\?/);
    expect(session.screen()).toContain('2026-12-28 to 2027-01-04  Vacation; Day off (9/80)');
    session.type('n\r');
    expect(await session.exited).toBe(0);
    expect(session.screen()).toContain('Nothing was written.');
    expect(head()).toBe(before);
  });

  it('writes the one commit when the answer is yes', async () => {
    const before = head();
    const session = pty(['away', 'import', GOOGLE]);
    await session.waitFor(/Add 5 time-off range\(s\) for bob\?/);
    session.type('y\r');
    expect(await session.exited).toBe(0);
    expect(session.screen()).toContain('Added 5 time-off range(s) for bob.');
    // The push rebased bob's commit onto alice's import: HEAD is his, the one commit of his since.
    expect(team.git('bob', ['log', '-1', '--format=%s']).trim()).toBe('Time off for bob (imported from calendar)');
    expect(
      team
        .git('bob', ['log', '--format=%s', `${before}..HEAD`])
        .trim()
        .split('\n'),
    ).toHaveLength(2);
  });
});
