import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTeam, writtenPath, type Team } from '../helpers/team.js';

/**
 * Entries a teammate writes by hand on the git host's web page, or another version writes (SPEC
 * §7): committed and pushed with plain git, then read by another clone's catchup.
 */
let team: Team;
const NOW = '2026-11-24T16:00:00Z';

function handWrite(path: string, text: string): void {
  const file = join(team.clone.alice!, path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
}

beforeAll(async () => {
  team = await makeTeam(
    [
      { handle: 'alice', tz: 'Europe/Berlin' },
      { handle: 'bob', tz: 'America/New_York' },
    ],
    '2026-11-24T08:00:00Z',
  );
  // The web page's editor: CRLF, a byte-order mark, the id's time rounded to the hour while
  // `created` says 10:13 local, and keys this version does not know.
  handWrite(
    'entries/2026/11/24/20261124T090000Z-alice-web1.md',
    '\uFEFF---\r\nid: 20261124T090000Z-alice-web1\r\nkind: update\r\nauthor: alice\r\ncreated: 2026-11-24T10:13:00+01:00\r\nmood: sunny\r\ndone: [Fixed the flaky upload test]\r\n---\r\nWritten on the web page.\r\n',
  );
  // A kind from a newer version.
  handWrite(
    'entries/2026/11/24/20261124T100000Z-alice-retr.md',
    '---\nid: 20261124T100000Z-alice-retr\nkind: retro\nauthor: alice\ncreated: 2026-11-24T11:00:00+01:00\nwent-well: [pairing]\n---\nThe sprint went well; @bob ran the demo.\n',
  );
  // An impossible author: the id is alice's, the author says bob.
  handWrite(
    'entries/2026/11/24/20261124T110000Z-alice-fake.md',
    '---\nid: 20261124T110000Z-alice-fake\nkind: update\nauthor: bob\ncreated: 2026-11-24T12:00:00+01:00\ndone: [I am bob]\n---\n',
  );
  // Filed under the day before by its id, created just after midnight UTC.
  handWrite(
    'entries/2026/11/23/20261123T235000Z-alice-late.md',
    '---\nid: 20261123T235000Z-alice-late\nkind: update\nauthor: alice\ncreated: 2026-11-24T01:20:00+01:00\nnext: [Sleep]\n---\n',
  );
  team.git('alice', ['add', '-A']);
  team.git('alice', ['-c', 'user.name=Alice', '-c', 'user.email=alice@example.com', 'commit', '-qm', 'entries written on the web page']);
  team.git('alice', ['push', '-q', 'origin', 'HEAD']);
}, 120_000);

afterAll(() => team?.cleanup());

describe('entries written by hand are entries', () => {
  it('catchup reads CRLF, a BOM, an id that is not created, unknown keys and an unknown kind; refuses an impossible author', async () => {
    const result = await team.run('bob', ['catchup', '--json', '--since', '2026-11-24T00:00:00Z'], NOW);
    expect(result.code, result.stderr).toBe(0);
    const out = JSON.parse(result.stdout);
    const byId = new Map(out.entries.map((e: { id: string }) => [e.id, e]));
    expect(byId.get('20261124T090000Z-alice-web1')).toMatchObject({
      kind: 'update',
      created: '2026-11-24T10:13:00+01:00',
      done: ['Fixed the flaky upload test'],
      notes: 'Written on the web page.',
    });
    expect(byId.get('20261124T100000Z-alice-retr')).toMatchObject({ kind: 'retro', notes: 'The sprint went well; @bob ran the demo.' });
    expect(byId.get('20261123T235000Z-alice-late')).toMatchObject({ next: ['Sleep'] });
    expect(byId.has('20261124T110000Z-alice-fake')).toBe(false);
    expect(out.warnings.join('\n')).toMatch(/20261124T110000Z-alice-fake\.md.*not made by the author bob/);
    // The mention in the unknown kind's notes counts.
    expect(out.mentions).toContain('20261124T100000Z-alice-retr');
  });

  it('order follows created, not the id', async () => {
    const result = await team.run('bob', ['catchup', '--json', '--peek', '--since', '2026-11-24T00:00:00Z'], NOW);
    const ids = JSON.parse(result.stdout).entries.map((e: { id: string }) => e.id);
    // 01:20 (late, filed the day before) < 10:13 (web1) < 11:00 (retro), all Berlin time.
    const order = ['20261123T235000Z-alice-late', '20261124T090000Z-alice-web1'].map((id) => ids.indexOf(id));
    expect(order[0]).toBeLessThan(order[1]!);
  });

  it('an unknown kind is shown as such in the human catchup, with its notes', async () => {
    const result = await team.run('bob', ['catchup', '--peek', '--since', '2026-11-24T00:00:00Z'], NOW);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/retro \(a kind this version does not know\)/);
    expect(result.stdout).toContain('The sprint went well; @bob ran the demo.');
    expect(result.stderr + result.stdout).toContain('20261124T110000Z-alice-fake.md');
  });

  it('the tool writes a body that repeats the content, and a subject that says what it is', async () => {
    const result = await team.run(
      'alice',
      ['handoff', '--to', 'bob', '--ask', 'Run the migration on staging', '--note', 'Ready.', '-y'],
      NOW,
    );
    expect(result.code, result.stderr).toBe(0);
    const path = writtenPath(result.stdout);
    const text = team.git('alice', ['show', `HEAD:${path}`]);
    expect(text).toMatch(/\n# Handoff from alice to bob\n/);
    expect(text).toMatch(/\n## Asks\n\n- \[ \] Run the migration on staging\n/);
    expect(team.git('alice', ['log', '-1', '--format=%s'])).toBe('handoff: alice → bob: Run the migration on staging\n');
    // Read back, the notes are the notes only.
    const read = await team.run('bob', ['catchup', '--json', '--peek', '--since', '1h'], '2026-11-24T16:30:00Z');
    const handoff = JSON.parse(read.stdout).entries.find((e: { kind: string }) => e.kind === 'handoff');
    expect(handoff).toMatchObject({ asks: ['Run the migration on staging'], notes: 'Ready.' });
  });
});
