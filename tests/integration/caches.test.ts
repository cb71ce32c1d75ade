import { existsSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { makeSandbox, runInProcess, type Sandbox } from '../helpers/cli.js';
import { makeBareRemote } from '../helpers/git.js';
import { decodeEntryRead } from '../../src/store/entryRows.js';

/**
 * The parse caches in .git/async/cache/ only save work: a catchup from them says exactly what a
 * catchup from the files says, and a cache that is stale, damaged or gone changes nothing.
 */
let box: Sandbox;
let alice: string;
let bob: string;

const run = (cwd: string, who: string, argv: string[], now: string) => runInProcess([...argv, '--as', who], { cwd, env: box.env, now });
const catchup = async (argv: string[], now: string) => {
  const result = await run(bob, 'bob', ['catchup', '--json', '--no-pull', ...argv], now);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};
const cacheFiles = () => readdirSync(join(bob, '.git/async/cache')).sort();
/** The entries a day folder's cache holds (stored as rows, store/entryRows.ts). */
const cachedEntries = (name: string) =>
  decodeEntryRead(JSON.parse(readFileSync(join(bob, '.git/async/cache', name), 'utf8')).value)!.entries;

beforeEach(async () => {
  box = makeSandbox();
  const remote = makeBareRemote(box.dir);
  const at = '2026-11-10T06:00:00Z';
  expect(
    (
      await runInProcess(['init', 'alice', '--remote', remote, '--as', 'alice', '--tz', 'Europe/Berlin'], {
        cwd: box.dir,
        env: box.env,
        now: at,
      })
    ).code,
  ).toBe(0);
  expect(
    (await runInProcess(['join', remote, 'bob', '--as', 'bob', '--tz', 'America/Los_Angeles'], { cwd: box.dir, env: box.env, now: at }))
      .code,
  ).toBe(0);
  alice = join(box.dir, 'alice');
  bob = join(box.dir, 'bob');
  // Ten days ago: an update and a handoff to bob; yesterday: another update.
  for (const [now, argv] of [
    ['2026-11-14T16:00:00Z', ['update', '--done', 'Old news']],
    ['2026-11-14T16:30:00Z', ['handoff', '--to', 'bob', '--ask', 'Rotate the keys']],
    ['2026-11-23T16:00:00Z', ['update', '--done', 'Recent news']],
  ] as const) {
    const result = await run(alice, 'alice', [...argv], now);
    expect(result.code, result.stderr).toBe(0);
  }
  expect((await run(bob, 'bob', ['sync'], '2026-11-24T08:00:00Z')).code).toBe(0);
});
afterEach(() => {
  vi.restoreAllMocks();
  box.cleanup();
});

describe('parse caches', () => {
  it('a catchup from the caches says what a catchup from the files says', async () => {
    const now = '2026-11-24T09:00:00Z';
    const cold = await catchup(['--since', '36h'], now);
    expect(cold.entries.map((e: { notes: string; done: string[] }) => e.done)).toEqual([['Recent news']]);
    // The ten-day-old handoff is still waiting on bob: the footer's bookkeeping found it.
    expect(cold.pendingToYou).toHaveLength(1);
    expect(cacheFiles()).toEqual(
      expect.arrayContaining(['entries-2026-11-14.json', 'bookkeeping-2026-11-14.json', 'entries-2026-11-23.json']),
    );

    const warm = await catchup(['--since', '36h'], now);
    expect(warm).toEqual(cold);
  });

  it('the handoffs-and-acks cache holds only those; an ack arriving later is seen through it', async () => {
    const now = '2026-11-24T09:00:00Z';
    await catchup(['--since', '36h'], now);
    const kinds = (name: string) => cachedEntries(name).map((e) => e.kind);
    expect(kinds('entries-2026-11-14.json').sort()).toEqual(['handoff', 'update']);
    expect(kinds('bookkeeping-2026-11-14.json')).toEqual(['handoff']);
    const handoffId = (await catchup(['--since', '36h'], now)).pendingToYou[0];
    const ack = await run(bob, 'bob', ['ack', handoffId, '--no-push'], '2026-11-24T09:05:00Z');
    expect(ack.code, ack.stderr).toBe(0);
    const after = await catchup(['--since', '36h'], '2026-11-24T09:10:00Z');
    expect(after.pendingToYou).toEqual([]);
  });

  it('the bookkeeping cache holds two weeks of updates cut to their blockers; a reply to one quotes it whole', async () => {
    const blocked = await run(
      alice,
      'alice',
      ['update', '--done', 'Drafted the rotation plan', '--blocker', 'Waiting on the new keys'],
      '2026-11-14T17:00:00Z',
    );
    expect(blocked.code, blocked.stderr).toBe(0);
    expect((await run(bob, 'bob', ['sync'], '2026-11-24T08:00:00Z')).code).toBe(0);
    const now = '2026-11-24T09:00:00Z';
    const first = await catchup(['--since', '36h'], now);
    const update = cachedEntries('bookkeeping-2026-11-14.json').find((e) => e.kind === 'update')!;
    expect(update).toMatchObject({ done: [], notes: '', blockers: ['Waiting on the new keys'] });
    expect(first.openBlockers).toEqual([update.id]);
    const reply = await run(alice, 'alice', ['reply', update.id, '--note', 'The keys are here'], '2026-11-24T08:30:00Z');
    expect(reply.code, reply.stderr).toBe(0);
    expect((await run(bob, 'bob', ['sync'], '2026-11-24T08:45:00Z')).code).toBe(0);
    const text = await run(bob, 'bob', ['catchup', '--no-pull', '--peek', '--since', '36h', '--no-color'], now);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('The keys are here');
    expect(text.stdout).toContain('“Drafted the rotation plan”');
  });

  it('a folder left alone is keyed by its times; a file added to it later, even with its mtime set back, is seen', async () => {
    const now = '2026-11-24T09:00:00Z';
    const key = (name: string) => JSON.parse(readFileSync(join(bob, '.git/async/cache', name), 'utf8')).key as string;
    // Right after the sync wrote them, the folders are not settled: their caches key their listing too.
    await catchup(['--since', '36h'], now);
    expect(key('bookkeeping-2026-11-14.json')).toContain('.md');
    // A minute later (the machine's clock, which the filesystem's times follow): the times alone.
    // An mtime a script could put back exactly (utimes takes no nanoseconds).
    const folder = join(bob, 'entries/2026/11/14');
    const mtime = new Date('2026-01-01T00:00:00Z');
    utimesSync(folder, mtime, mtime);
    const realNow = Date.now.bind(Date);
    vi.spyOn(Date, 'now').mockImplementation(() => realNow() + 60_000);
    const settled = await catchup(['--since', '36h'], now);
    expect(key('bookkeeping-2026-11-14.json')).not.toContain('.md');
    expect(settled.pendingToYou).toHaveLength(1);

    // A handoff written by hand into that folder, and the folder's mtime put back as it was.
    const id = '20261114T170000Z-alice-hand';
    writeFileSync(
      join(folder, `${id}.md`),
      `---\nid: ${id}\nkind: handoff\nauthor: alice\ncreated: "2026-11-14T17:00:00Z"\ntz: Europe/Berlin\nto:\n  - bob\nasks:\n  - Check the backups\n---\n`,
    );
    utimesSync(folder, mtime, mtime);
    expect(statSync(folder).mtimeMs).toBe(mtime.getTime());
    const after = await catchup(['--since', '36h'], now);
    expect(after.pendingToYou).toEqual([...settled.pendingToYou, id].sort());
  });

  it('ignores caches that are damaged, and works when they are gone or cannot be written', async () => {
    const now = '2026-11-24T09:00:00Z';
    const cold = await catchup(['--since', '36h'], now);
    for (const name of cacheFiles()) writeFileSync(join(bob, '.git/async/cache', name), name.startsWith('threads') ? '{"key":' : 'null');
    expect(await catchup(['--since', '36h'], now)).toEqual(cold);
    // Under its right key, a row of the wrong shape (a hand edit, another build): the folder is read again.
    const name = 'bookkeeping-2026-11-14.json';
    const stored = JSON.parse(readFileSync(join(bob, '.git/async/cache', name), 'utf8'));
    expect(stored.value.rows[0][9]).toEqual(['bob']);
    stored.value.rows[0][9] = 'bob';
    writeFileSync(join(bob, '.git/async/cache', name), JSON.stringify(stored));
    expect(await catchup(['--since', '36h'], now)).toEqual(cold);
    expect(JSON.parse(readFileSync(join(bob, '.git/async/cache', name), 'utf8')).value.rows[0][9]).toEqual(['bob']);
    // A file where the cache directory should be: nothing can be cached, the answer stays the same.
    rmSync(join(bob, '.git/async/cache'), { recursive: true });
    writeFileSync(join(bob, '.git/async/cache'), 'not a directory');
    expect(await catchup(['--since', '36h'], now)).toEqual(cold);
    expect(existsSync(join(bob, '.git/async/cache'))).toBe(true);
  });
});
