import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEntry } from '../../../src/core/entry.js';
import { hasScript, runInPty } from '../../helpers/pty.js';
import { makeTeam, writtenPath, type Team } from '../../helpers/team.js';

/**
 * On a terminal, `async handoff` with nothing written yet offers the most overdue handoff to
 * someone else for rerouting (SPEC §7). Everyone in UTC; dave works 12:00-20:00.
 */
let team: Team;
let original: string;
const WED_2PM = '2026-11-25T14:00:00Z';

beforeAll(async () => {
  team = await makeTeam([
    { handle: 'alice', tz: 'UTC', hours: '09:00-17:00' },
    { handle: 'bob', tz: 'UTC', hours: '09:00-17:00' },
    { handle: 'carol', tz: 'UTC', hours: '09:00-17:00' },
    { handle: 'dave', tz: 'UTC', hours: '12:00-20:00' },
  ]);
  // bob to carol on Tue evening: ack by Wed 13:00Z (carol's 09:00 start + 4h).
  const written = await team.run('bob', ['handoff', '--to', 'carol', '--ask', 'Run the migration'], '2026-11-24T20:00:00Z');
  expect(written.code).toBe(0);
  original = writtenPath(written.stdout).split('/').pop()!.replace(/\.md$/, '');
  team.git('alice', ['pull', '-q']);
}, 120_000);
afterAll(() => team?.cleanup());

const ENTER = '\r';
const pty = (argv: string[]) => runInPty(argv, { cwd: team.clone.alice!, env: { ...team.env, ASYNC_NOW: WED_2PM, CI: undefined } });

describe.skipIf(!hasScript)('handoff on a terminal with an overdue handoff around', () => {
  // First: the next test reroutes it, after which nothing is overdue any more.
  it('no: the ordinary handoff prompts follow', async () => {
    const session = pty(['handoff', '--no-push']);
    await session.waitFor(/Reroute it\s+to\s+dave\s+instead\?/, 0);
    session.type(`n${ENTER}`);
    await session.waitFor(/Hand off to \(Enter keeps the rule's pick/, 0);
    session.type('\u0003');
    expect(await session.exited).toBe(130);
  });

  it('offers the reroute; yes writes a reroute with the original asks to whoever picks up now', async () => {
    const session = pty(['handoff', '--no-push']);
    await session.waitFor(/bob's handoff “Run the migration” to carol is 1h past its ack-by\.\s+Reroute it\s+to\s+dave\s+instead\?/, 0);
    session.type(`y${ENTER}`);
    await session.waitFor(/Post this handoff\?/, 0);
    expect(session.screen()).toMatch(/Reroutes: /);
    session.type(ENTER);
    expect(await session.exited).toBe(0);
    const path = writtenPath(session.screen());
    const parsed = parseEntry(readFileSync(join(team.clone.alice!, path), 'utf8'), path);
    expect(parsed.ok && parsed.entry).toMatchObject({ to: ['dave'], asks: ['Run the migration'], reroutes: original });
  });
});
