import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entry.js';
import type { Entry } from '../../src/core/types.js';
import { makeTeam, writtenPath, type Team } from '../helpers/team.js';

/**
 * decide, reply and --amends with real git (SPEC §7): a team, a bare remote, one clone each, a
 * fixed clock. Each test writes its own entries and reads catch-ups over its own span of time.
 */
let team: Team;

beforeAll(async () => {
  team = await makeTeam(
    [
      { handle: 'alice', tz: 'Europe/Berlin' },
      { handle: 'bob', tz: 'America/New_York' },
      { handle: 'carol', tz: 'Asia/Kolkata' },
    ],
    '2026-11-02T08:00:00Z',
  );
}, 120_000);
afterAll(() => team?.cleanup());

async function write(handle: string, argv: string[], now: string): Promise<Entry> {
  const result = await team.run(handle, argv, now);
  expect(result.code, result.stderr).toBe(0);
  const path = writtenPath(result.stdout);
  const parsed = parseEntry(readFileSync(join(team.clone[handle]!, path), 'utf8'), path);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.entry;
}

async function catchup(handle: string, since: string, now: string, extra: string[] = []) {
  const result = await team.run(handle, ['catchup', '--json', '--peek', '--since', since, ...extra], now);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

async function refused(handle: string, argv: string[], now: string, message: RegExp): Promise<void> {
  // Up to date first: a lookup that pulls must not pass for a write.
  expect((await team.run(handle, ['sync'], now)).code).toBe(0);
  const head = team.git(handle, ['rev-parse', 'HEAD']);
  const result = await team.run(handle, argv, now);
  expect(result.code, result.stdout).toBe(2);
  expect(result.stderr.replace(/^async: /, '')).toMatch(message);
  expect(result.stderr.trim().split('\n')).toHaveLength(1);
  expect(team.git(handle, ['rev-parse', 'HEAD'])).toBe(head);
}

describe('decide', () => {
  it('writes a decision record: front matter, a readable body, a subject; a teammate sees it in Decisions', async () => {
    const now = '2026-11-02T09:00:00Z';
    const d = await write(
      'alice',
      [
        'decide',
        'Use Postgres for events',
        '--context',
        'SQLite locks under load.',
        '--option',
        'Postgres',
        '--option',
        'Batch writes',
        '--input-by',
        'fri',
        '--tag',
        'events',
      ],
      now,
    );
    expect(d).toMatchObject({ kind: 'decision', author: 'alice', tags: ['events'] });
    // Monday 2 November: "fri" is Friday the 6th, all of it in alice's zone (to 23:59).
    expect(d.decision).toMatchObject({
      title: 'Use Postgres for events',
      status: 'proposed',
      context: 'SQLite locks under load.',
      options: ['Postgres', 'Batch writes'],
      decision: '',
      inputBy: '2026-11-06',
      inputByMs: Date.parse('2026-11-06T22:59:00Z'),
    });
    const file = readFileSync(join(team.clone.alice!, writtenPath(`Wrote entries/2026/11/02/${d.id}.md`)), 'utf8');
    expect(file).toContain('# Decision: Use Postgres for events');
    expect(file).toMatch(/## Options\n\n- Postgres\n- Batch writes/);
    expect(team.git('alice', ['log', '-1', '--format=%s']).trim()).toBe('decision (proposed): alice: Use Postgres for events');

    const bob = await catchup('bob', '2026-11-02T00:00:00Z', '2026-11-02T15:00:00Z');
    expect(bob.decisions).toEqual([d.id]);
    expect(bob.openDecisions).toEqual([d.id]);
    expect(bob.entries.find((e: { id: string }) => e.id === d.id)).toMatchObject({ status: 'proposed', inputBy: '2026-11-06' });
    const text = await team.run('bob', ['catchup', '--peek', '--since', '2026-11-02T00:00:00Z'], '2026-11-02T15:00:00Z');
    expect(text.stdout).toMatch(/Decisions \(1\)\n {2}alice · decision \(proposed\): Use Postgres for events · input by Fri 17:59/);

    // Before the window and still open: listed, not new; after the deadline: no longer open.
    const later = await catchup('bob', '2026-11-03T00:00:00Z', '2026-11-04T15:00:00Z');
    expect(later.decisions).toEqual([]);
    expect(later.openDecisions).toEqual([d.id]);
    const text2 = await team.run('bob', ['catchup', '--peek', '--since', '2026-11-03T00:00:00Z'], '2026-11-04T15:00:00Z');
    expect(text2.stdout).toContain('Decisions (1)');
    const closed = await catchup('bob', '2026-11-02T00:00:00Z', '2026-11-07T15:00:00Z');
    expect(closed.decisions).toEqual([d.id]);
    expect(closed.openDecisions).toEqual([]);
  });

  it('--decision alone means accepted; --amends carries the record over and replaces it', async () => {
    const taken = await write('carol', ['decide', 'Weekly releases', '--decision', 'Every Tuesday'], '2026-11-09T05:00:00Z');
    expect(taken.decision).toMatchObject({ status: 'accepted', decision: 'Every Tuesday' });
    expect(taken.decision?.inputBy).toBeUndefined();

    const proposal = await write(
      'alice',
      ['decide', 'Cache the roster', '--option', 'Yes', '--option', 'No', '--input-by', '+2d'],
      '2026-11-09T09:00:00Z',
    );
    expect(proposal.decision?.inputBy).toBe('2026-11-11T10:00:00+01:00');
    // Anyone may record the outcome of a decision.
    const outcome = await write(
      'bob',
      ['decide', '--amends', proposal.id.slice(0, 20), '--decision', 'Yes, per clone'],
      '2026-11-09T14:00:00Z',
    );
    expect(outcome.supersedes).toBe(proposal.id);
    expect(outcome.decision).toMatchObject({
      title: 'Cache the roster',
      options: ['Yes', 'No'],
      status: 'accepted',
      decision: 'Yes, per clone',
    });
    expect(outcome.decision?.inputBy).toBeUndefined();

    const view = await catchup('carol', '2026-11-09T06:00:00Z', '2026-11-09T15:00:00Z');
    expect(view.entries.map((e: { id: string }) => e.id)).toEqual([outcome.id]);
    expect(view.superseded).toEqual([proposal.id]);
    expect(view.openDecisions).toEqual([]);
    const text = await team.run('carol', ['catchup', '--peek', '--since', '2026-11-09T06:00:00Z'], '2026-11-09T15:00:00Z');
    expect(text.stdout).toMatch(/replaces 14:30 · “Cache the roster” \(now superseded\)/);
  });

  it('--supersedes replaces an earlier decision; it must name one', async () => {
    const old = await write('alice', ['decide', 'Deploy on Fridays', '--decision', 'Yes'], '2026-11-16T09:00:00Z');
    const update = await write('alice', ['update', '--done', 'Deployed'], '2026-11-16T09:05:00Z');
    const now = '2026-11-16T10:00:00Z';
    await refused(
      'carol',
      ['decide', 'No Friday deploys', '--supersedes', update.id],
      now,
      /--supersedes: .* is an update, not a decision\./,
    );
    await refused('carol', ['decide', 'No Friday deploys', '--supersedes', '20261116T09'], now, /matches 2 entries/);
    await refused('carol', ['decide', 'No Friday deploys', '--supersedes', '20260101T000000Z-alice-zzzz'], now, /no entry with id/);
    await refused(
      'carol',
      ['decide', 'No Friday deploys', '--supersedes', old.id, '--amends', old.id],
      now,
      /either --supersedes or --amends/,
    );
    const newer = await write('carol', ['decide', 'No Friday deploys', '--supersedes', old.id, '--decision', 'Never on Fridays'], now);
    expect(newer.supersedes).toBe(old.id);
    const bob = await catchup('bob', '2026-11-16T00:00:00Z', '2026-11-16T12:00:00Z');
    expect(bob.decisions).toEqual([newer.id]);
    expect(bob.superseded).toEqual([old.id]);
  });

  it('refuses what it cannot record, changing nothing', async () => {
    const now = '2026-11-18T09:00:00Z';
    await refused('alice', ['decide', 'X', '--input-by', 'yesterday'], now, /--input-by "yesterday" is not in the future/);
    await refused('alice', ['decide', 'X', '--input-by', 'someday'], now, /--input-by "someday" is not a time I can read/);
    await refused('alice', ['decide', 'X', '--status', 'accepted', '--input-by', 'fri'], now, /--input-by is for a proposed decision/);
    await refused('alice', ['decide', 'X', '--status', 'maybe'], now, /--status "maybe" is not a decision status/);
    await refused('alice', ['decide'], now, /Missing TITLE/);
    await refused('alice', ['decide', '   '], now, /title of a decision is empty/);
  });
});

describe('--amends on update and handoff', () => {
  it('replaces your own entry of the same kind; the old one is hidden and listed in superseded', async () => {
    const first = await write('alice', ['update', '--done', 'Shipped uploads'], '2026-11-19T09:00:00Z');
    const fixed = await write('alice', ['update', '--amends', first.id, '--done', 'Shipped retries'], '2026-11-19T09:10:00Z');
    expect(fixed.supersedes).toBe(first.id);
    const file = readFileSync(join(team.clone.alice!, writtenPath(`Wrote entries/2026/11/19/${first.id}.md`)), 'utf8');
    expect(file).toContain('Shipped uploads');
    const bob = await catchup('bob', '2026-11-19T08:00:00Z', '2026-11-19T12:00:00Z');
    expect(bob.entries.map((e: { id: string }) => e.id)).toEqual([fixed.id]);
    expect(bob.superseded).toEqual([first.id]);

    const now = '2026-11-19T10:00:00Z';
    await refused('bob', ['update', '--amends', first.id, '--done', 'x'], now, /is alice's, not yours/);
    await refused('alice', ['handoff', '--amends', first.id, '--ask', 'x'], now, /is an update, not a handoff/);
    await refused('alice', ['update', '--amends', '20260101T000000Z-alice-zzzz', '--done', 'x'], now, /no entry with id/);
  });

  it('a corrected handoff keeps its recipients and is the one waiting for an ack', async () => {
    const first = await write('alice', ['handoff', '--to', 'carol', '--ask', 'Run the migration'], '2026-11-20T09:00:00Z');
    const fixed = await write(
      'alice',
      ['handoff', '--amends', first.id, '--ask', 'Run the migration before 10:00'],
      '2026-11-20T09:05:00Z',
    );
    expect(fixed).toMatchObject({ to: ['carol'], supersedes: first.id });
    const carol = await catchup('carol', '2026-11-20T08:00:00Z', '2026-11-20T12:00:00Z');
    expect(carol.handoffsToYou).toEqual([fixed.id]);
    expect(carol.superseded).toEqual([first.id]);
    const alice = await catchup('alice', '2026-11-20T08:00:00Z', '2026-11-20T12:00:00Z');
    expect(alice.unacknowledgedSent).toEqual([fixed.id]);
  });
});

describe('reply', () => {
  it("is shown with its parent and ranks as a mention for the parent's author, even for an old entry", async () => {
    const parent = await write('alice', ['update', '--done', 'Tuned the planner'], '2026-11-02T10:00:00Z');
    const reply = await write('bob', ['reply', parent.id.slice(0, 22), '--note', 'Nice, it is twice as fast.'], '2026-11-24T14:00:00Z');
    expect(reply).toMatchObject({ kind: 'reply', ref: parent.id, notes: 'Nice, it is twice as fast.' });
    expect(team.git('bob', ['log', '-1', '--format=%s']).trim()).toBe(`reply: bob → ${parent.id}: Nice, it is twice as fast.`);

    const alice = await catchup('alice', '2026-11-24T12:00:00Z', '2026-11-24T16:00:00Z');
    expect(alice.mentions).toEqual([reply.id]);
    const text = await team.run('alice', ['catchup', '--peek', '--since', '2026-11-24T12:00:00Z'], '2026-11-24T16:00:00Z');
    expect(text.stdout).toMatch(
      /Mentions you \(1\)\n {2}bob · replied to your update · .*\n {4}re {6}Mon 2 Nov 11:00 · “Tuned the planner”/,
    );
    const markdown = await team.run(
      'alice',
      ['catchup', '--peek', '--markdown', '--since', '2026-11-24T12:00:00Z'],
      '2026-11-24T16:00:00Z',
    );
    expect(markdown.stdout).toContain('  - Re: Mon 2 Nov 11:00 UTC+1 (“Tuned the planner”)');
    const carol = await catchup('carol', '2026-11-24T12:00:00Z', '2026-11-24T16:00:00Z');
    expect(carol.mentions).toEqual([]);
  });

  it('refuses an unknown or ambiguous id and an empty reply', async () => {
    const now = '2026-11-25T09:00:00Z';
    await refused('bob', ['reply', '20260101T000000Z-alice-zzzz', '--note', 'x'], now, /^No entry with id/);
    await refused('bob', ['reply', '202611', '--note', 'x'], now, /^The prefix 202611 matches \d+ entries/);
    await refused('bob', ['reply', '2026; rm', '--note', 'x'], now, /is not an entry id/);
    await refused('bob', ['reply', '202611'], now, /^Missing --note/);
    await refused('bob', ['reply', '202611', '--note', ' '], now, /The reply is empty/);
  });
});
