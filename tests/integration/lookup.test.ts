import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runInProcess, type RunResult, type Sandbox } from '../helpers/cli.js';
import { gitIn } from '../helpers/git.js';
import { datedEnv, datedHistory, joinMember } from '../helpers/datedHistory.js';

/**
 * Looking an entry up by id in a member's clone (blob-less, shallow, sparse index): the id's day
 * folder is asked of git's trees, so git never expands the sparse index for it, and the answers
 * are those of a lookup through the index: committed, added, untracked, misplaced by hand.
 * Real git: a file:// bare remote with uploadpack.allowFilter and a history over months.
 */
const NOW = '2026-11-24T12:00:00Z';
let box: Sandbox;
const ids: Record<string, string> = {};

const at = (when: string) => datedEnv(box, when);
const run = (dir: string, argv: string[], when = NOW, env: Record<string, string> = {}): Promise<RunResult> =>
  runInProcess(argv, { cwd: join(box.dir, dir), env: { ...at(when), ...env }, now: when });
const git = (dir: string, args: string[]) => gitIn(join(box.dir, dir), args, box.env);

/** An entry file written by hand into bob's clone, in `folder` (its id's day unless said). */
function handWrite(id: string, folder = `${id.slice(0, 4)}/${id.slice(4, 6)}/${id.slice(6, 8)}`): string {
  const rel = `entries/${folder}/${id}.md`;
  const file = join(box.dir, 'bob', rel);
  mkdirSync(dirname(file), { recursive: true });
  const created = `${id.slice(0, 4)}-${id.slice(4, 6)}-${id.slice(6, 8)}T${id.slice(9, 11)}:${id.slice(11, 13)}:${id.slice(13, 15)}Z`;
  writeFileSync(file, `---\nid: ${id}\nauthor: bob\nkind: update\ncreated: ${created}\ndone: [written by hand]\n---\n`);
  return rel;
}

beforeAll(async () => {
  box = makeSandbox();
  const history = await datedHistory(box, [
    ['june', '2026-06-10T10:00:00Z', 'june launch'],
    ['morning', '2026-11-18T09:00:00Z', 'november plan'],
    ['evening', '2026-11-18T17:00:00Z', 'november review'],
    ['later', '2026-11-20T10:00:00Z', 'november fix'],
  ]);
  Object.assign(ids, history.ids);
  await joinMember(box, history.url, 'bob', NOW);
}, 60_000);

afterAll(() => box.cleanup());

describe('looking an entry up by id in a member clone', () => {
  it('finds a recent entry without expanding the sparse index', async () => {
    expect(git('bob', ['config', '--get', 'index.sparse']).trim()).toBe('true');
    const trace = join(box.dir, 'trace2.txt');
    const shown = await run('bob', ['show', ids.morning!, '--json'], NOW, { GIT_TRACE2_PERF: trace });
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: ids.morning });
    // The trace is the proof the lookup ran git at all; the region is git's own name for the expansion.
    expect(existsSync(trace)).toBe(true);
    expect(readFileSync(trace, 'utf8')).not.toContain('ensure_full_index');
  });

  it('finds an entry of a month outside the checkout, by its whole id', async () => {
    expect(git('bob', ['sparse-checkout', 'list'])).not.toContain('entries/2026/06');
    const shown = await run('bob', ['show', ids.june!, '--json']);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout)).toMatchObject({ id: ids.june });
  });

  it('takes a unique prefix, and names the candidates of an ambiguous one (a day, a month, a year)', async () => {
    const unique = await run('bob', ['show', ids.later!.slice(0, 15), '--json']);
    expect(unique.code).toBe(0);
    expect(JSON.parse(unique.stdout)).toMatchObject({ id: ids.later });
    for (const [prefix, count] of [
      ['20261118', 2],
      ['202611', 3],
      ['2026', 4],
    ] as const) {
      const ambiguous = await run('bob', ['show', prefix]);
      expect(ambiguous.code).toBe(2);
      expect(ambiguous.stderr).toContain(`The prefix ${prefix} matches ${count} entries: `);
      expect(ambiguous.stderr).toContain(ids.morning);
    }
  });

  it('refuses a prefix of more than 100 files by their names, reading and fetching none of them', async () => {
    // 101 files in a July day folder, pushed with plain git: outside bob's checkout, never fetched.
    const day = join(box.dir, 'alice', 'entries', '2026', '07', '01');
    mkdirSync(day, { recursive: true });
    const names = Array.from({ length: 101 }, (_, i) => `20260701T${String(100000 + i).slice(1)}0Z-alice-${String(1000 + i)}`);
    for (const name of names) writeFileSync(join(day, `${name}.md`), 'not even front matter\n');
    gitIn(join(box.dir, 'alice'), ['add', '--all'], at(NOW));
    gitIn(join(box.dir, 'alice'), ['commit', '--quiet', '-m', 'many files'], at(NOW));
    expect((await run('alice', ['sync'])).code).toBe(0);
    expect((await run('bob', ['sync'])).code).toBe(0);
    const trace = join(box.dir, 'trace-many.txt');
    const refused = await run('bob', ['show', '202607'], NOW, { GIT_TRACE2: trace });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe(
      `async: The prefix 202607 matches 101 entries: ${names.slice(0, 4).join(', ')}, and 97 more. Give more of the id.\n`,
    );
    expect(readFileSync(trace, 'utf8')).not.toMatch(/ cmd_name fetch/);
    // A whole id among them is still read (and this one is no entry: one line, exit 2).
    const whole = await run('bob', ['show', names[0]!]);
    expect(whole.code).toBe(2);
    expect(whole.stderr).toMatch(/^async: No readable entry with id /);
  });

  it('catchup finds the parent of a reply to an old entry by its day folder, without expanding the sparse index', async () => {
    const replied = await run('alice', ['reply', ids.june!, '--note', 'still holds up'], '2026-11-24T13:00:00Z');
    expect(replied.code, replied.stderr).toBe(0);
    const trace = join(box.dir, 'trace-reply.txt');
    const caught = await run('bob', ['catchup', '--since', '2026-11-24T12:30:00Z'], '2026-11-24T14:00:00Z', { GIT_TRACE2_PERF: trace });
    expect(caught.code, caught.stderr).toBe(0);
    expect(caught.stdout).toMatch(/re +.*“june launch”/);
    expect(readFileSync(trace, 'utf8')).not.toContain('ensure_full_index');
  });

  it('says an unknown id is unknown, exit 2', async () => {
    for (const id of ['20261118T000000Z-nobody-zzzz', '19990101', 'nobody-zz']) {
      const result = await run('bob', ['show', id]);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain(`No entry with id ${id} in this clone.`);
    }
  });

  it('finds files written by hand and not committed: untracked, added, or in another day folder', async () => {
    const untracked = '20261121T080000Z-bob-unt1';
    const added = '20261121T090000Z-bob-add1';
    const misplaced = '20261119T100000Z-bob-mis1';
    handWrite(untracked);
    git('bob', ['add', '--sparse', handWrite(added)]);
    handWrite(misplaced, '2026/11/22');
    for (const id of [untracked, added, misplaced]) {
      const shown = await run('bob', ['show', id, '--json']);
      expect(shown.code, shown.stderr).toBe(0);
      expect(JSON.parse(shown.stdout)).toMatchObject({ id, done: ['written by hand'] });
    }
    const both = await run('bob', ['show', '20261121']);
    expect(both.code).toBe(2);
    expect(both.stderr).toContain(`The prefix 20261121 matches 2 entries: ${untracked}, ${added}.`);
  });
});
