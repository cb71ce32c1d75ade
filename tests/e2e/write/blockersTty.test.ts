import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEntry } from '../../../src/core/entry.js';
import type { Entry } from '../../../src/core/types.js';
import { drive, hasScript, runInPty } from '../../helpers/pty.js';
import { makeTeam, remoteEntries, writtenPath, type Team } from '../../helpers/team.js';

/**
 * On a terminal, `update` asks about each of your open blockers before anything else: carry it
 * forward, resolve it, or leave it (SPEC §7). A pseudo-terminal from `script`, a fixed clock.
 */
let team: Team;
let legal: Entry;
let flaky: Entry;
let laptop: Entry;

const ENTER = '\r';
const DOWN = '\u001b[B';

beforeAll(async () => {
  team = await makeTeam(
    [
      { handle: 'alice', tz: 'Europe/Berlin' },
      { handle: 'bob', tz: 'America/New_York' },
    ],
    '2026-11-20T08:00:00Z',
  );
  const post = async (handle: string, argv: string[], now: string) => {
    const result = await team.run(handle, [...argv, '--yes'], now);
    expect(result.code, result.stderr).toBe(0);
    const path = writtenPath(result.stdout);
    const parsed = parseEntry(readFileSync(join(team.clone[handle]!, path), 'utf8'), path);
    if (!parsed.ok) throw new Error(parsed.error);
    return parsed.entry;
  };
  legal = await post('alice', ['update', '--blocker', 'Waiting on legal'], '2026-11-21T09:00:00Z');
  flaky = await post('alice', ['update', '--blocker', 'CI is flaky'], '2026-11-21T10:00:00Z');
  laptop = await post('alice', ['update', '--blocker', 'Laptop is slow'], '2026-11-21T11:00:00Z');
  // Someone else's open blocker is not offered to alice.
  await post('bob', ['update', '--blocker', 'Bob is blocked'], '2026-11-21T12:00:00Z');
}, 120_000);
afterAll(() => team?.cleanup());

describe.skipIf(!hasScript)('update on a terminal, with open blockers', () => {
  it('asks carry / resolve / leave for each, first; posts the update and the resolution in one commit', async () => {
    const env = { ...team.env, ASYNC_NOW: '2026-11-23T09:00:00Z', CI: undefined };
    const session = runInPty(['update'], { cwd: team.clone.alice!, env });
    await drive(session, [
      [/You have 3 open blockers:/, ''],
      [/“Waiting on legal” \(open 2d, 20261121T090000Z-alice-/, ENTER], // carry (the default)
      [/“CI is flaky” \(open 1d, /, `${DOWN}${ENTER}`], // resolve
      [/“Laptop is slow”/, `${DOWN}${DOWN}${ENTER}`], // leave
      [/What did you get done\?/, `fixed CI${ENTER}`],
      [/…and/, ENTER],
      [/What's next\?/, ENTER],
      [/Anything else blocking you\?/, ENTER],
      [/Notes \(optional\)/, ENTER],
      [/Posted with this update, in the same commit:[\s\S]*Post this update\?/, ENTER],
    ]);
    expect(await session.exited).toBe(0);
    const screen = session.screen();
    expect(screen).not.toContain('Bob is blocked');
    const paths = [...screen.matchAll(/Wrote (entries\/\S+?\.md) and (entries\/\S+?\.md)\./g)].flatMap((m) => [m[1]!, m[2]!]);
    expect(paths).toHaveLength(2);
    const read = (path: string) => {
      const parsed = parseEntry(readFileSync(join(team.clone.alice!, path), 'utf8'), path);
      if (!parsed.ok) throw new Error(parsed.error);
      return parsed.entry;
    };
    expect(read(paths[0]!)).toMatchObject({ kind: 'update', done: ['fixed CI'], blockers: ['Waiting on legal'], carries: [legal.id] });
    expect(read(paths[1]!)).toMatchObject({ kind: 'resolve', ref: flaky.id });
    for (const path of paths) expect(remoteEntries(team.remote).files).toContain(path);

    // Left alone, the third stays open; the carried and the resolved ones do not.
    const json = await team.run('bob', ['catchup', '--json', '--peek', '--since', '1h'], '2026-11-23T10:00:00Z');
    const open = JSON.parse(json.stdout).openBlockers as string[];
    expect(open).toContain(laptop.id);
    expect(open).toContain(read(paths[0]!).id);
    expect(open).not.toContain(legal.id);
    expect(open).not.toContain(flaky.id);
  });

  it('resolve on a terminal offers a note, previews and confirms', async () => {
    const env = { ...team.env, ASYNC_NOW: '2026-11-23T11:00:00Z', CI: undefined };
    const session = runInPty(['resolve', laptop.id.slice(0, 20)], { cwd: team.clone.bob!, env });
    await drive(session, [
      [/How was it resolved\? \(optional, Enter to skip\)/, `New laptop arrived${ENTER}`],
      [/Post this resolve\?/, ENTER],
    ]);
    expect(await session.exited).toBe(0);
    const path = writtenPath(session.screen());
    const parsed = parseEntry(readFileSync(join(team.clone.bob!, path), 'utf8'), path);
    expect(parsed.ok && parsed.entry).toMatchObject({ kind: 'resolve', author: 'bob', ref: laptop.id, notes: 'New laptop arrived' });
  });
});
