import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEntry } from '../../src/core/entry.js';
import type { Entry } from '../../src/core/types.js';
import { makeTeam, writtenPath, type Team } from '../helpers/team.js';

/**
 * Blockers that stay open (SPEC §7 `async resolve`), with real git and a fixed clock over several
 * days. Open blockers look back 30 days, so each test keeps to its own month.
 */
let team: Team;

beforeAll(async () => {
  team = await makeTeam(
    [
      { handle: 'alice', tz: 'Europe/Berlin' },
      { handle: 'bob', tz: 'America/New_York' },
      { handle: 'carol', tz: 'Asia/Kolkata' },
      { handle: 'dave', tz: 'UTC' },
    ],
    '2026-09-01T08:00:00Z',
  );
}, 120_000);
afterAll(() => team?.cleanup());

async function write(handle: string, argv: string[], now: string): Promise<Entry> {
  const result = await team.run(handle, [...argv, '--yes'], now);
  expect(result.code, result.stderr).toBe(0);
  const path = writtenPath(result.stdout);
  const parsed = parseEntry(readFileSync(join(team.clone[handle]!, path), 'utf8'), path);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.entry;
}

async function catchupJson(handle: string, now: string, extra: string[] = []) {
  const result = await team.run(handle, ['catchup', '--json', '--peek', '--since', '1h', ...extra], now);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

async function catchupText(handle: string, now: string, extra: string[] = []) {
  const result = await team.run(handle, ['catchup', '--peek', '--since', '1h', '--no-color', ...extra], now);
  expect(result.code, result.stderr).toBe(0);
  return result;
}

async function refused(handle: string, argv: string[], now: string, message: RegExp): Promise<void> {
  expect((await team.run(handle, ['sync'], now)).code).toBe(0);
  const head = team.git(handle, ['rev-parse', 'HEAD']);
  const result = await team.run(handle, argv, now);
  expect(result.code, result.stdout).toBe(2);
  expect(result.stderr.replace(/^async: /, '')).toMatch(message);
  expect(team.git(handle, ['rev-parse', 'HEAD'])).toBe(head);
}

describe('open blockers, escalation and resolve', () => {
  let blocked: Entry;

  beforeAll(async () => {
    blocked = await write(
      'alice',
      ['update', '--done', 'Shipped retries', '--blocker', 'Staging DB is read-only, @bob can fix it'],
      '2026-09-02T09:00:00Z',
    );
  });

  it('a day later, a teammate sees it open with its age although it is older than the window', async () => {
    const json = await catchupJson('carol', '2026-09-03T10:00:00Z');
    expect(json.entries.map((e: Entry) => e.id)).not.toContain(blocked.id);
    expect(json.openBlockers).toEqual([blocked.id]);
    expect(json.escalated).toEqual([]);
    const text = (await catchupText('carol', '2026-09-03T10:00:00Z')).stdout;
    expect(text).toContain('Open blockers (1)');
    expect(text).toContain(`alice · open 1d · “Staging DB is read-only, @bob can fix it” · async resolve ${blocked.id}`);
    expect(text).not.toContain('Escalated');
    // bob is named: his line says so.
    expect((await catchupText('bob', '2026-09-03T10:00:00Z')).stdout).toContain('concerns you');
    const markdown = await team.run('carol', ['catchup', '--markdown', '--peek', '--since', '1h'], '2026-09-03T10:00:00Z');
    expect(markdown.stdout).toContain('## Open blockers');
    expect(markdown.stdout).toContain(`- **alice** · open 1d (since `);
    expect(markdown.stdout).toContain(`\`async resolve ${blocked.id}\``);
  });

  it('past escalateAfter (default 2d) it moves to the top of everyone’s catchup, its author’s too', async () => {
    const now = '2026-09-05T10:00:00Z';
    await write('carol', ['handoff', '--to', 'bob', '--ask', 'Review the planner PR'], '2026-09-05T09:30:00Z');
    for (const handle of ['alice', 'bob', 'carol', 'dave']) {
      const json = await catchupJson(handle, now);
      expect(json.escalated).toEqual([blocked.id]);
      expect(json.openBlockers).toEqual([blocked.id]);
    }
    const bob = (await catchupText('bob', now)).stdout;
    const blocks = bob.split('\n\n');
    expect(blocks[1]).toMatch(/^Escalated \(1 · open longer than 2d\)\n {2}alice · open 3d · /);
    expect(bob.indexOf('Escalated')).toBeLessThan(bob.indexOf('Handed to you'));
    expect(bob).not.toContain('Open blockers');
    const markdown = await team.run('dave', ['catchup', '--markdown', '--peek', '--since', '1h'], now);
    expect(markdown.stdout).toMatch(/## Escalated \(open longer than 2d\)\n\n- \*\*alice\*\* · open 3d/);
  });

  it('a third person resolves it by a prefix; its author sees the resolution once, then it is gone', async () => {
    const resolution = await write(
      'dave',
      ['resolve', blocked.id.slice(0, 16), '--note', 'Restored write access.'],
      '2026-09-05T12:00:00Z',
    );
    expect(resolution.kind).toBe('resolve');
    expect(resolution.ref).toBe(blocked.id);
    expect(resolution.notes).toBe('Restored write access.');

    const first = await team.run('alice', ['catchup', '--json', '--mark'], '2026-09-05T13:00:00Z');
    expect(first.code, first.stderr).toBe(0);
    const json = JSON.parse(first.stdout);
    expect(json.entries.map((e: Entry) => e.id)).toContain(resolution.id);
    expect(json.mentions).toContain(resolution.id);
    expect(json.openBlockers).toEqual([]);
    expect(json.escalated).toEqual([]);
    const again = JSON.parse((await team.run('alice', ['catchup', '--json'], '2026-09-05T14:00:00Z')).stdout);
    expect(again.entries).toEqual([]);
    expect(again.openBlockers).toEqual([]);
    const text = (await catchupText('carol', '2026-09-05T12:30:00Z')).stdout;
    expect(text).toContain('resolved the blockers of');
    expect(text).not.toContain('Escalated');
  });

  it('resolving again says so and writes nothing (exit 0)', async () => {
    const now = '2026-09-05T15:00:00Z';
    expect((await team.run('carol', ['sync'], now)).code).toBe(0);
    const head = team.git('carol', ['rev-parse', 'HEAD']);
    const result = await team.run('carol', ['resolve', blocked.id, '--yes'], now);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`The blockers of ${blocked.id} are already resolved \\(by dave, .*\\)\\. Nothing to do\\.`));
    expect(team.git('carol', ['rev-parse', 'HEAD'])).toBe(head);
  });

  it('bad ids are exit 2 with one clear line, and nothing is written', async () => {
    const now = '2026-09-06T09:00:00Z';
    const plain = await write('bob', ['update', '--done', 'Reviewed PR 42'], '2026-09-06T08:00:00Z');
    await refused('carol', ['resolve', plain.id, '--yes'], now, new RegExp(`^${plain.id} has no blockers to resolve\\.`));
    await refused('carol', ['resolve', 'zz', '--yes'], now, /^"zz" is not an entry id\./);
    await refused('carol', ['resolve', '20991231T000000Z-nobody-xxxx', '--yes'], now, /^No entry with id 20991231T000000Z-nobody-xxxx/);
  });
});

describe('escalateAfter in async.yaml', () => {
  let blocked: Entry;

  beforeAll(async () => {
    blocked = await write('bob', ['update', '--blocker', 'Waiting on the vendor'], '2026-10-20T00:00:00Z');
  });

  const setEscalateAfter = async (value: string, now: string) => {
    const file = join(team.clone.alice!, 'async.yaml');
    const text = readFileSync(file, 'utf8').replace(/^escalateAfter:.*\n/m, '');
    writeFileSync(file, text);
    appendFileSync(file, `escalateAfter: ${value}\n`);
    team.git('alice', ['commit', '-qam', `escalateAfter ${value}`]);
    expect((await team.run('alice', ['sync'], now)).code).toBe(0);
  };

  it('36h: open at 35h, escalated at 37h', async () => {
    await setEscalateAfter('36h', '2026-10-20T01:00:00Z');
    expect((await catchupJson('carol', '2026-10-21T11:00:00Z')).escalated).toEqual([]);
    const json = await catchupJson('carol', '2026-10-21T13:00:00Z');
    expect(json.escalated).toEqual([blocked.id]);
    expect((await catchupText('carol', '2026-10-21T13:00:00Z')).stdout).toContain('Escalated (1 · open longer than 36h)');
  });

  it('a bad value warns and the default 2d stands in', async () => {
    await setEscalateAfter('soon', '2026-10-21T14:00:00Z');
    const result = await team.run('carol', ['catchup', '--peek', '--since', '1h', '--no-color'], '2026-10-21T15:00:00Z');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/warning: .*escalateAfter "soon" is not a span such as 36h or 2d \(default 2d\); using the defaults/);
    expect(result.stdout).not.toContain('Escalated');
    expect(result.stdout).toContain('Open blockers (1)');
    expect((await catchupJson('carol', '2026-10-22T01:00:00Z')).escalated).toEqual([blocked.id]);
  });
});

describe('update --carry and --resolve', () => {
  let legal: Entry;
  let flaky: Entry;
  let carried: Entry;

  beforeAll(async () => {
    legal = await write('alice', ['update', '--blocker', 'Waiting on legal, @carol'], '2026-12-01T09:00:00Z');
    flaky = await write('alice', ['update', '--blocker', 'CI is flaky'], '2026-12-01T10:00:00Z');
  });

  it('one commit: the update carries one blocker forward and resolves the other', async () => {
    const now = '2026-12-02T09:00:00Z';
    const result = await team.run(
      'alice',
      ['update', '--done', 'Fixed the CI runner', '--carry', legal.id.slice(0, 18), '--resolve', flaky.id, '--yes'],
      now,
    );
    expect(result.code, result.stderr).toBe(0);
    const paths = [...result.stdout.matchAll(/entries\/\S+?\.md/g)].map((m) => m[0]);
    expect(paths).toHaveLength(2);
    const read = (path: string) => {
      const parsed = parseEntry(readFileSync(join(team.clone.alice!, path), 'utf8'), path);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.entry;
    };
    carried = read(paths[0]!);
    const resolution = read(paths[1]!);
    expect(carried.kind).toBe('update');
    expect(carried.carries).toEqual([legal.id]);
    expect(carried.blockers).toEqual(['Waiting on legal, @carol']);
    expect(readFileSync(join(team.clone.alice!, paths[0]!), 'utf8')).toContain(`carries:\n  - ${legal.id}\n`);
    expect(resolution).toMatchObject({ kind: 'resolve', ref: flaky.id, author: 'alice' });
    // Both files in the one commit, pushed.
    const files = team.git('alice', ['show', '--name-only', '--format=%B', 'HEAD']);
    for (const path of paths) expect(files).toContain(path);
    expect(files).toContain(`Entry ${carried.id}`);
    expect(files).toContain(`Entry ${resolution.id}`);
    expect(team.git('alice', ['rev-parse', 'HEAD'])).toBe(team.git('alice', ['rev-parse', 'origin/main']));

    const json = await catchupJson('carol', '2026-12-02T10:00:00Z');
    expect(json.openBlockers).toEqual([carried.id]);
  });

  it('a carried blocker keeps its age: it escalates counted from where it began', async () => {
    const json = await catchupJson('bob', '2026-12-03T10:00:00Z');
    expect(json.escalated).toEqual([carried.id]);
    const text = (await catchupText('carol', '2026-12-03T10:00:00Z')).stdout;
    expect(text).toContain(`alice · open 2d · “Waiting on legal, @carol” · concerns you · async resolve ${carried.id}`);
  });

  it('refuses what cannot be carried, with exit 2 and nothing written', async () => {
    const now = '2026-12-03T12:00:00Z';
    const bobs = await write('bob', ['update', '--blocker', 'Laptop broke'], '2026-12-03T11:00:00Z');
    const plain = await write('alice', ['update', '--done', 'Nothing blocked'], '2026-12-03T11:30:00Z');
    const update = (extra: string[]) => ['update', '--done', 'More work', ...extra, '--yes'];
    await refused('alice', update(['--carry', bobs.id]), now, /^--carry: .* is bob's: only its author carries its blockers forward\./);
    await refused('alice', update(['--carry', flaky.id]), now, /^--carry: The blockers of .* are already resolved/);
    await refused(
      'alice',
      update(['--carry', legal.id]),
      now,
      new RegExp(`^--carry: the blockers of ${legal.id} were carried forward into ${carried.id}\\.`),
    );
    await refused('alice', update(['--carry', plain.id]), now, new RegExp(`^--carry: ${plain.id} has no blockers to carry forward\\.`));
    await refused('alice', update(['--carry', carried.id, '--resolve', carried.id]), now, /is given to both --carry and --resolve\./);
    await refused('alice', update(['--resolve', 'no!']), now, /^--resolve: "no!" is not an entry id\./);
    await refused('alice', update(['--resolve', '20991231T0000']), now, /^--resolve: no entry with id 20991231T0000/);
  });

  it('--resolve of blockers already resolved says so and still posts the update alone', async () => {
    const result = await team.run('carol', ['update', '--done', 'Reviewed', '--resolve', flaky.id, '--yes'], '2026-12-03T13:00:00Z');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`The blockers of ${flaky.id} are already resolved (by alice`);
    expect([...result.stdout.matchAll(/entries\/\S+?\.md/g)]).toHaveLength(1);
  });
});

describe('the 30-day look-back', () => {
  it('a blocker three weeks old is still shown (from the older days), one older than 30 days is not', async () => {
    const old = await write('bob', ['update', '--blocker', 'Waiting on the audit'], '2027-01-04T09:00:00Z');
    const three = await catchupJson('carol', '2027-01-25T09:00:00Z');
    expect(three.escalated).toContain(old.id);
    expect((await catchupText('carol', '2027-01-25T09:00:00Z')).stdout).toContain(`bob · open 21d · “Waiting on the audit”`);
    // The answer is the same from the caches the first read wrote.
    expect((await catchupJson('carol', '2027-01-25T09:00:00Z')).escalated).toContain(old.id);
    const month = await catchupJson('carol', '2027-02-04T10:00:00Z');
    expect(month.openBlockers).not.toContain(old.id);
  });

  it('a reply to an update from the older days quotes it whole, though open blockers read those days cut', async () => {
    const old = await write('bob', ['update', '--done', 'Shipped the audit log', '--blocker', 'Waiting on legal'], '2027-03-01T09:00:00Z');
    // The first catchup writes the older days' caches, so the next one reads the blocker from them.
    expect((await catchupJson('carol', '2027-03-19T09:00:00Z')).escalated).toContain(old.id);
    await write('dave', ['reply', old.id, '--note', 'Legal signed this morning'], '2027-03-20T08:30:00Z');
    expect((await team.run('carol', ['sync'], '2027-03-20T09:00:00Z')).code).toBe(0);
    const { stdout } = await catchupText('carol', '2027-03-20T09:00:00Z');
    expect(stdout).toContain('Legal signed this morning');
    expect(stdout).toContain('“Shipped the audit log”');
    expect(stdout).toContain(`bob · open 19d · “Waiting on legal”`);
  });
});
