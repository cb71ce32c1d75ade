import { renameSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeSandbox, runInProcess, type Sandbox } from '../helpers/cli.js';
import { makeBareRemote } from '../helpers/git.js';

let box: Sandbox;
let remote: string;
let clones: Record<'alice' | 'bob' | 'carol', string>;

const run = async (who: keyof typeof clones, argv: string[], now: string) =>
  runInProcess([...argv, '--as', who], { cwd: clones[who], env: box.env, now });
const json = async (who: keyof typeof clones, argv: string[], now: string) => {
  const result = await run(who, ['catchup', '--json', ...argv], now);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
};

beforeEach(async () => {
  box = makeSandbox();
  remote = makeBareRemote(box.dir);
  const at = '2026-11-23T06:00:00Z';
  const env = box.env;
  const cwd = box.dir;
  expect(
    (
      await runInProcess(['init', 'alice', '--remote', remote, '--as', 'alice', '--tz', 'Europe/Berlin', '--hours', '09:00-17:30'], {
        cwd,
        env,
        now: at,
      })
    ).code,
  ).toBe(0);
  expect((await runInProcess(['join', remote, 'bob', '--as', 'bob', '--tz', 'America/Los_Angeles'], { cwd, env, now: at })).code).toBe(0);
  expect(
    (
      await runInProcess(['join', remote, 'carol', '--as', 'carol', '--tz', 'Asia/Kolkata', '--hours', '10:00-18:30'], {
        cwd,
        env,
        now: at,
      })
    ).code,
  ).toBe(0);
  clones = { alice: join(box.dir, 'alice'), bob: join(box.dir, 'bob'), carol: join(box.dir, 'carol') };
  // A day on the team (Monday 23 November; times UTC).
  const day: [keyof typeof clones, string, string[]][] = [
    ['carol', '2026-11-23T12:00:00Z', ['update', '--done', 'Indexed the archive', '--next', 'Tune the query planner', '--tag', 'search']],
    [
      'alice',
      '2026-11-23T15:30:00Z',
      ['update', '--done', 'Shipped retries', '--blocker', 'Staging DB is read-only; @bob can restore write access'],
    ],
    ['alice', '2026-11-23T16:20:00Z', ['handoff', '--ask', 'Run the migration on staging', '--note', 'State: ready to run.']],
    ['carol', '2026-11-23T12:30:00Z', ['update', '--done', 'Paired with @bob on the planner']],
    ['bob', '2026-11-23T20:00:00Z', ['update', '--done', 'Reviewed PR 42', '--next', 'Migration']],
  ];
  for (const [who, now, argv] of day) {
    const result = await run(who, argv, now);
    expect(result.code, result.stderr).toBe(0);
  }
});
afterEach(() => box.cleanup());

describe('catchup', () => {
  it('shows each person their own view, most important first', async () => {
    const bob = await json('bob', ['--since', '2026-11-23T00:00:00Z'], '2026-11-24T17:00:00Z');
    expect(Object.keys(bob)).toEqual(
      expect.arrayContaining(['since', 'until', 'entries', 'handoffsToYou', 'blockers', 'mentions', 'unacknowledgedSent', 'warnings']),
    );
    expect(bob.since).toBe('2026-11-23T00:00:00Z');
    expect(bob.until).toBe('2026-11-24T17:00:00Z');
    const byId = Object.fromEntries(bob.entries.map((e: { id: string }) => [e.id, e]));
    expect(bob.handoffsToYou.map((id: string) => byId[id].author)).toEqual(['alice']);
    expect(byId[bob.handoffsToYou[0]].asks).toEqual(['Run the migration on staging']);
    expect(bob.blockers.map((id: string) => byId[id].author)).toEqual(['alice']);
    // Sets over the shown entries: the handoff addresses bob and alice's blocker names him.
    expect(bob.mentions.map((id: string) => byId[id].done)).toEqual([[], ['Shipped retries'], ['Paired with @bob on the planner']]);
    expect(bob.entries.every((e: { author: string }) => e.author !== 'bob')).toBe(true);
    expect(bob.entries).toHaveLength(4);
    expect(bob.warnings).toEqual([]);

    const alice = await json('alice', ['--since', '2026-11-23T00:00:00Z'], '2026-11-24T17:00:00Z');
    expect(alice.handoffsToYou).toEqual([]);
    expect(alice.unacknowledgedSent).toHaveLength(1);
    expect(alice.entries.map((e: { author: string }) => e.author).sort()).toEqual(['bob', 'carol', 'carol']);
  });

  it('lists an entry in both blockers and mentions when its blocker names someone else and its next names you', async () => {
    const wrote = await run(
      'alice',
      ['update', '--done', 'Drafted the schema', '--next', 'Review with @bob', '--blocker', 'Waiting on @carol for the keys'],
      '2026-11-24T09:00:00Z',
    );
    expect(wrote.code, wrote.stderr).toBe(0);
    const bob = await json('bob', ['--since', '2026-11-24T00:00:00Z'], '2026-11-24T17:00:00Z');
    const [id] = bob.entries.map((e: { id: string }) => e.id);
    expect(bob.entries).toHaveLength(1);
    expect(bob.blockers).toEqual([id]);
    expect(bob.mentions).toEqual([id]);
    const text = await run('bob', ['catchup', '--peek', '--since', '2026-11-24T00:00:00Z'], '2026-11-24T17:00:00Z');
    // The text shows it once, in the first section that applies.
    expect(text.stdout.split('Drafted the schema')).toHaveLength(2);
    expect(text.stdout).toContain('Blockers');
    expect(text.stdout).not.toContain('Mentions you');
  });

  it('orders text output: handoffs, blockers, mentions, then the rest; times in the reader zone', async () => {
    const result = await run('bob', ['catchup', '--since', '2026-11-23'], '2026-11-24T17:00:00Z');
    expect(result.code).toBe(0);
    const text = result.stdout;
    const order = ['Run the migration on staging', 'Staging DB is read-only', 'Paired with @bob', 'Indexed the archive'].map((s) =>
      text.indexOf(s),
    );
    expect(order.every((index) => index >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // Alice's handoff at 16:20Z is 08:20 in Los Angeles, 17:20 hers.
    expect(text).toContain('08:20');
    expect(text).toContain('17:20 their time');
    expect(text).not.toContain('\u001b[');
  });

  it('moves the mark on a plain catchup (--json with --mark), not on --peek, and nothing slips between two catchups', async () => {
    const first = await json('bob', ['--mark'], '2026-11-24T01:00:00Z');
    // First run: everything after bob's own latest entry (20:00Z).
    expect(first.since).toBe('2026-11-23T20:00:00Z');
    expect(first.entries).toEqual([]);
    const peek = await json('bob', ['--peek'], '2026-11-24T02:00:00Z');
    expect(peek.since).toBe('2026-11-24T01:00:00Z');

    // Carol writes while offline at 03:00, before bob's next catchup, and pushes only later.
    renameSync(remote, `${remote}.away`);
    const offline = await run('carol', ['update', '--done', 'Wrote the planner RFC on a plane'], '2026-11-24T03:00:00Z');
    expect(offline.code).toBe(0);
    expect(offline.stdout).toMatch(/unreachable/);
    renameSync(`${remote}.away`, remote);
    expect((await json('bob', ['--mark'], '2026-11-24T04:00:00Z')).entries).toEqual([]);
    expect((await run('carol', ['sync'], '2026-11-24T05:00:00Z')).code).toBe(0);

    const late = await json('bob', ['--mark'], '2026-11-24T06:00:00Z');
    expect(late.since).toBe('2026-11-24T04:00:00Z');
    expect(late.entries.map((e: { done: string[] }) => e.done[0])).toEqual(['Wrote the planner RFC on a plane']);
    expect((await json('bob', ['--mark'], '2026-11-24T07:00:00Z')).entries).toEqual([]);
  });

  it('an entry from a clock a few minutes fast is shown once, not again at the next catchup', async () => {
    expect((await json('bob', ['--mark'], '2026-11-24T10:00:00Z')).entries).toEqual([]);
    // Carol's clock runs ten minutes fast: her entry says 11:10, and bob reads it at 11:00.
    expect((await run('carol', ['update', '--done', 'Stamped by a fast clock'], '2026-11-24T11:10:00Z')).code).toBe(0);
    const first = await json('bob', ['--mark'], '2026-11-24T11:00:00Z');
    expect(first.entries.map((e: { done: string[] }) => e.done[0])).toEqual(['Stamped by a fast clock']);
    // Written at 11:05 by a right clock and pushed after bob's catchup: still news at 12:00.
    expect((await run('alice', ['update', '--done', 'Stamped by a right clock'], '2026-11-24T11:05:00Z')).code).toBe(0);
    const second = await json('bob', ['--mark'], '2026-11-24T12:00:00Z');
    expect(second.entries.map((e: { done: string[] }) => e.done[0])).toEqual(['Stamped by a right clock']);
  });

  it('a script polling catchup --json does not consume the catchup; --mark or a plain catchup does', async () => {
    const poll = async (at: string) => (await json('bob', [], at)).entries.map((e: { id: string }) => e.id);
    const first = await poll('2026-11-24T01:00:00Z');
    expect(first).toEqual([]);
    expect((await run('carol', ['update', '--done', 'Tuned the planner'], '2026-11-24T02:00:00Z')).code).toBe(0);
    const seen = await poll('2026-11-24T03:00:00Z');
    expect(seen).toHaveLength(1);
    expect(await poll('2026-11-24T04:00:00Z')).toEqual(seen);
    const text = await run('bob', ['catchup'], '2026-11-24T05:00:00Z');
    expect(text.stdout).toContain('Tuned the planner');
    expect(await poll('2026-11-24T06:00:00Z')).toEqual([]);

    expect((await run('carol', ['update', '--done', 'Wrote the RFC'], '2026-11-24T07:00:00Z')).code).toBe(0);
    expect((await json('bob', ['--mark'], '2026-11-24T08:00:00Z')).entries).toHaveLength(1);
    expect(await poll('2026-11-24T09:00:00Z')).toEqual([]);
  });

  it.each([
    [['--mark', '--peek'], /either --peek or --mark/],
    [['--mark', '--since', '2d'], /--mark cannot be used with --since/],
    [['--json', '--mark', '--tag', 'search'], /--mark cannot be used with --author, --kind or --tag/],
  ])('refuses %j with exit 2', async (flags, message) => {
    const result = await run('bob', ['catchup', '--no-pull', ...flags], '2026-11-24T17:00:00Z');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });

  it('works offline: pulls when it can, otherwise warns and shows what the clone has', async () => {
    renameSync(remote, `${remote}.away`);
    const result = await run('bob', ['catchup', '--since', '2d'], '2026-11-24T17:00:00Z');
    expect(result.code).toBe(0);
    expect(result.stdout + result.stderr).toMatch(/Could not reach the remote/);
  });

  it('filters by author, kind and tag without moving the mark', async () => {
    const tagged = await json('bob', ['--since', '2d', '--tag', 'search'], '2026-11-24T17:00:00Z');
    expect(tagged.entries.map((e: { done: string[] }) => e.done[0])).toEqual(['Indexed the archive']);
    const handoffs = await json('bob', ['--since', '2d', '--kind', 'handoff'], '2026-11-24T17:00:00Z');
    expect(handoffs.entries.map((e: { kind: string }) => e.kind)).toEqual(['handoff']);
    const carol = await json('bob', ['--since', '2d', '--author', 'carol'], '2026-11-24T17:00:00Z');
    expect(new Set(carol.entries.map((e: { author: string }) => e.author))).toEqual(new Set(['carol']));
    const after = await json('bob', ['--peek'], '2026-11-24T17:00:00Z');
    expect(after.since).toBe('2026-11-23T20:00:00Z');
  });

  it('reads filters as people type them: @carol and Carol are carol, #search is search; an unknown handle or kind is exit 2', async () => {
    const carol = await json('bob', ['--since', '2d', '--author', 'carol'], '2026-11-24T17:00:00Z');
    for (const spelled of ['@carol', 'Carol'])
      expect(await json('bob', ['--since', '2d', '--author', spelled], '2026-11-24T17:00:00Z')).toEqual(carol);
    const tagged = await json('bob', ['--since', '2d', '--tag', '#search'], '2026-11-24T17:00:00Z');
    expect(tagged.entries.map((e: { done: string[] }) => e.done[0])).toEqual(['Indexed the archive']);
    for (const [flag, value, message] of [
      ['--author', 'zed', /--author "zed" is not a member of this workspace\. Members: /],
      ['--kind', 'retro', /--kind "retro" is not an entry kind/],
    ] as const) {
      const result = await run('bob', ['catchup', '--peek', '--no-pull', flag, value], '2026-11-24T17:00:00Z');
      expect(result.code).toBe(2);
      expect(result.stdout).toBe('');
      expect(result.stderr).toMatch(message);
    }
  });

  it('acknowledging a handoff takes it off the list, and the sender sees it', async () => {
    const before = await json('bob', ['--since', '2d'], '2026-11-24T17:00:00Z');
    const id: string = before.handoffsToYou[0];
    const ack = await run('bob', ['ack', id.slice(0, 22), '--note', 'Running it now'], '2026-11-24T17:05:00Z');
    expect(ack.code, ack.stderr).toBe(0);
    expect((await json('bob', ['--since', '2d'], '2026-11-24T17:10:00Z')).handoffsToYou).toEqual([]);
    const alice = await json('alice', ['--since', '2d'], '2026-11-24T17:10:00Z');
    expect(alice.unacknowledgedSent).toEqual([]);
  });

  it('renders a Markdown digest without terminal codes', async () => {
    const result = await run('bob', ['catchup', '--since', '2d', '--markdown'], '2026-11-24T17:00:00Z');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^#/m);
    expect(result.stdout).toContain('Run the migration on staging');
    expect(result.stdout).not.toContain('\u001b');
  });

  it.each([
    [['--json', '--markdown'], /either --json or --markdown/],
    [['--since', 'the other day'], /--since .* is not a time/],
    [['--kind', 'memo'], /--kind "memo" is not an entry kind/],
    [['--bogus'], /unknown option/],
  ])('rejects %j with exit 2', async (argv, message) => {
    const result = await run('bob', ['catchup', ...argv], '2026-11-24T17:00:00Z');
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stdout).toBe('');
  });
});
