/**
 * Handoff deadlines end to end with real git (SPEC §7): ackBy on every new handoff, --ack-within and
 * the team's ackWithin, overdue in catchup for the sender and recipients, next's offer, --reroute,
 * and "acknowledged by". Everyone in UTC so the expected instants are read off the hours directly.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { parseEntry } from '../../../src/core/entry.js';
import type { Entry } from '../../../src/core/types.js';
import { makeTeam, writtenPath, type Team } from '../../helpers/team.js';

let team: Team;
afterEach(() => team?.cleanup());

// Tue 24 Nov 2026. alice writes at 20:00Z, after everyone's day.
const TUE_EVENING = '2026-11-24T20:00:00Z';
const utc = (handle: string, hours: string) => ({ handle, tz: 'UTC', hours });

async function setUp(): Promise<void> {
  team = await makeTeam([utc('alice', '09:00-17:00'), utc('bob', '09:00-17:00'), utc('carol', '09:00-17:00'), utc('dave', '22:00-06:00')]);
}

function readEntry(handle: string, path: string): Entry {
  const parsed = parseEntry(readFileSync(join(team.clone[handle]!, path), 'utf8'), path);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.entry;
}

async function write(handle: string, argv: string[], now: string): Promise<Entry> {
  const result = await team.run(handle, argv, now);
  expect(result.stderr).not.toMatch(/async:/);
  expect(result.code).toBe(0);
  return readEntry(handle, writtenPath(result.stdout));
}

async function catchupJson(handle: string, now: string, argv: string[] = []) {
  const result = await team.run(handle, ['catchup', '--json', '--peek', ...argv], now);
  expect(result.code).toBe(0);
  return JSON.parse(result.stdout);
}

describe('ackBy on a new handoff', () => {
  it('the recipient start of work plus 4 working hours by default; --ack-within overrides it', async () => {
    await setUp();
    // bob's next window is Wed 09:00Z; four of his working hours later is 13:00Z.
    const plain = await write('alice', ['handoff', '--to', 'bob', '--ask', 'Run the migration'], TUE_EVENING);
    expect(plain.ackBy).toBe('2026-11-25T13:00:00+00:00');
    const short = await write('alice', ['handoff', '--to', 'bob', '--ask', 'Review', '--ack-within', '1h30m'], TUE_EVENING);
    expect(short.ackBy).toBe('2026-11-25T10:30:00+00:00');
    // The file says it in the body too, readable on a git host.
    expect(
      readFileSync(
        join(
          team.clone.alice!,
          writtenPath((await team.run('alice', ['handoff', '--to', 'bob', '--ask', 'x', '--no-push'], TUE_EVENING)).stdout),
        ),
        'utf8',
      ),
    ).toContain('ack by 2026-11-25T13:00:00+00:00');
  });

  it("the team's ackWithin; a bad one warns and the default stands", async () => {
    await setUp();
    const file = join(team.clone.alice!, 'async.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}ackWithin: 2h\n`);
    team.git('alice', ['commit', '-qam', 'ackWithin: 2h']);
    expect((await write('alice', ['handoff', '--to', 'bob', '--ask', 'a'], TUE_EVENING)).ackBy).toBe('2026-11-25T11:00:00+00:00');
    writeFileSync(file, readFileSync(file, 'utf8').replace('ackWithin: 2h', 'ackWithin: soon'));
    team.git('alice', ['commit', '-qam', 'ackWithin: soon']);
    const result = await team.run('alice', ['handoff', '--to', 'bob', '--ask', 'b'], TUE_EVENING);
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('ackWithin "soon" is not a duration like 4h, 90m or 1h30m');
    expect(readEntry('alice', writtenPath(result.stdout)).ackBy).toBe('2026-11-25T13:00:00+00:00');
  });

  it('a bad --ack-within: exit 2 naming the flag, nothing written', async () => {
    await setUp();
    const before = team.git('alice', ['rev-parse', 'HEAD']);
    const result = await team.run('alice', ['handoff', '--to', 'bob', '--ask', 'a', '--ack-within', 'tomorrow'], TUE_EVENING);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--ack-within "tomorrow" is not a duration/);
    expect(team.git('alice', ['rev-parse', 'HEAD'])).toBe(before);
  });
});

describe('overdue, next and --reroute', () => {
  const WED_2PM = '2026-11-25T14:00:00Z'; // an hour past bob's 13:00Z ack-by

  it('overdue for the sender and the recipient, not a bystander; next offers it; a reroute ends it', async () => {
    await setUp();
    const original = await write(
      'alice',
      ['handoff', '--to', 'bob', '--ask', 'Run the migration', '--note', 'Dry run took 4m.'],
      TUE_EVENING,
    );
    for (const handle of ['bob', 'carol', 'dave']) team.git(handle, ['pull', '-q']);

    expect((await catchupJson('bob', '2026-11-25T12:59:00Z')).overdue).toEqual([]);
    expect((await catchupJson('bob', WED_2PM)).overdue).toEqual([original.id]);
    expect((await catchupJson('alice', WED_2PM)).overdue).toEqual([original.id]);
    expect((await catchupJson('carol', WED_2PM)).overdue).toEqual([]);
    // Older than the window asked for, still shown: overdue looks back as far as pending handoffs.
    expect((await catchupJson('bob', WED_2PM, ['--since', '30m'])).overdue).toEqual([original.id]);

    const text = (await team.run('bob', ['catchup', '--peek', '--no-pull'], WED_2PM)).stdout;
    expect(text).toContain('Overdue (1)');
    expect(text).toContain(`alice's handoff → you · 1h past its ack-by (13:00)`);
    expect(text.indexOf('Overdue (1)')).toBeLessThan(text.indexOf('Handed to you'));
    const sender = (await team.run('alice', ['catchup', '--peek', '--no-pull'], WED_2PM)).stdout;
    expect(sender).toContain(`your handoff → bob · 1h past its ack-by (13:00)`);
    expect(sender).toContain(`async handoff --reroute ${original.id}`);

    // carol comes online: next offers it, to whoever the rule picks without alice and bob (dave, at 22:00).
    const next = await team.run('carol', ['next'], WED_2PM);
    expect(next.stdout).toContain(
      `Overdue: alice's handoff “Run the migration” to bob is 1h past its ack-by; async handoff --reroute ${original.id} hands it to dave.`,
    );
    const nextJson = JSON.parse((await team.run('carol', ['next', '--json'], WED_2PM)).stdout);
    expect(nextJson.overdue).toEqual([
      { id: original.id, author: 'alice', to: ['bob'], ackBy: '2026-11-25T13:00:00Z', rerouteTo: ['dave'] },
    ]);

    const reroute = await write('carol', ['handoff', '--reroute', original.id], WED_2PM);
    expect(reroute).toMatchObject({ to: ['dave'], reroutes: original.id, asks: ['Run the migration'], notes: 'Dry run took 4m.' });
    // dave's window is 22:00-06:00: four hours in, Thu 02:00Z.
    expect(reroute.ackBy).toBe('2026-11-26T02:00:00+00:00');
    for (const handle of ['alice', 'bob', 'dave']) team.git(handle, ['pull', '-q']);
    expect((await catchupJson('bob', '2026-11-25T14:05:00Z')).overdue).toEqual([]);
    expect((await catchupJson('alice', '2026-11-25T14:05:00Z')).overdue).toEqual([]);
    expect(JSON.parse((await team.run('carol', ['next', '--json'], '2026-11-25T14:05:00Z')).stdout).overdue).toEqual([]);

    // The reroute has its own deadline; dave's ack ends it.
    expect((await catchupJson('dave', '2026-11-26T03:00:00Z')).overdue).toEqual([reroute.id]);
    expect((await catchupJson('carol', '2026-11-26T03:00:00Z')).overdue).toEqual([reroute.id]);
    expect((await team.run('dave', ['ack', reroute.id], '2026-11-26T03:00:00Z')).code).toBe(0);
    expect((await catchupJson('dave', '2026-11-26T03:10:00Z')).overdue).toEqual([]);
    expect((await catchupJson('carol', '2026-11-26T03:10:00Z')).overdue).toEqual([]);
  });

  it('--reroute with its own asks and --to; not a handoff: exit 2', async () => {
    await setUp();
    const original = await write('alice', ['handoff', '--to', 'bob', '--ask', 'Run the migration'], TUE_EVENING);
    team.git('carol', ['pull', '-q']);
    const mine = await write('carol', ['handoff', '--reroute', original.id, '--to', 'alice', '--ask', 'Only the dry run'], WED_2PM);
    expect(mine).toMatchObject({ to: ['alice'], asks: ['Only the dry run'], reroutes: original.id });
    const update = await write('carol', ['update', '--done', 'x'], WED_2PM);
    const bad = await team.run('carol', ['handoff', '--reroute', update.id], WED_2PM);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--reroute: .* is an update, not a handoff/);
  });
});

describe('acknowledged by', () => {
  it('when one recipient acked, the others see who did, not an open checklist (catchup and show)', async () => {
    await setUp();
    const handoff = await write('alice', ['handoff', '--to', 'bob,carol', '--ask', 'Run the migration'], TUE_EVENING);
    team.git('carol', ['pull', '-q']);
    expect((await team.run('carol', ['ack', handoff.id], '2026-11-25T09:05:00Z')).code).toBe(0);
    const catchup = (await team.run('bob', ['catchup', '--peek'], '2026-11-25T09:30:00Z')).stdout;
    expect(catchup).toContain('acknowledged by carol');
    expect(catchup).not.toContain('☐ Run the migration');
    const show = (await team.run('bob', ['show', handoff.id], '2026-11-25T09:30:00Z')).stdout;
    expect(show).toContain('Ack: acknowledged by carol');
    expect(show).toContain('    - Run the migration');
  });
});
