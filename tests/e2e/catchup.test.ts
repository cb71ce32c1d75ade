import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTeam, type Team } from '../helpers/team.js';

/** What a reader sees of catchup through the built binary: the header, the footer order. */
let team: Team;
const T0 = '2026-11-24T16:00:00Z';
const bob = (argv: string[], now: string) => team.bin('bob', argv, { ASYNC_NOW: now });

beforeAll(async () => {
  team = await makeTeam(
    [
      { handle: 'alice', tz: 'Europe/Berlin', hours: '09:00-17:30' },
      { handle: 'bob', tz: 'America/Los_Angeles' },
      { handle: 'carol', tz: 'Asia/Kolkata', hours: '10:00-18:30' },
    ],
    T0,
  );
  const steps: [string, string, string[]][] = [
    // Bob writes first: a first catchup shows what came after one's own latest entry.
    ['bob', '2026-11-24T16:05:00Z', ['handoff', '--to', 'carol', '--ask', 'Rotate the keys']],
    ['alice', '2026-11-24T16:10:00Z', ['handoff', '--to', 'bob', '--ask', 'Run the migration']],
    ['carol', '2026-11-24T16:30:00Z', ['update', '--done', 'Indexed the archive', '--tag', 'search']],
  ];
  for (const [who, now, argv] of steps) {
    const result = await team.run(who, argv, now);
    expect(result.code, result.stderr).toBe(0);
  }
  // Bob reads everything once: the mark moves, alice's handoff is no longer new but still unacknowledged.
  const first = await team.run('bob', ['catchup'], '2026-11-24T17:00:00Z');
  expect(first.code, first.stderr).toBe(0);
  expect(first.stdout).toContain('Handed to you');
});
afterAll(() => team.cleanup());

describe('catchup header and footer', () => {
  it('never says "all caught up" while a handoff waits for your ack; that wait comes before your own sent handoffs', async () => {
    const result = await bob(['catchup', '--peek', '--no-pull'], '2026-11-24T18:00:00Z');
    expect(result.code, result.stderr).toBe(0);
    const [header] = result.stdout.split('\n');
    expect(header).toMatch(/^Nothing new since .*\. 1 handoff still waits for your ack\.$/);
    expect(result.stdout).not.toContain('caught up');
    const waiting = result.stdout.indexOf('Still waiting for your ack');
    const sent = result.stdout.indexOf('Your handoffs nobody has acknowledged');
    expect(waiting).toBeGreaterThan(0);
    expect(sent).toBeGreaterThan(waiting);

    const digest = await bob(['catchup', '--peek', '--no-pull', '--markdown'], '2026-11-24T18:00:00Z');
    expect(digest.stdout.indexOf('still waits for your ack')).toBeLessThan(digest.stdout.indexOf('Your handoff to carol'));
  });

  it('says "all caught up" once nothing waits', async () => {
    const view = JSON.parse((await team.run('bob', ['catchup', '--json', '--peek', '--no-pull'], '2026-11-24T18:10:00Z')).stdout);
    expect(view.pendingToYou).toHaveLength(1);
    const ack = await team.run('bob', ['ack', view.pendingToYou[0]], '2026-11-24T18:10:00Z');
    expect(ack.code, ack.stderr).toBe(0);
    const result = await bob(['catchup', '--peek', '--no-pull'], '2026-11-24T18:20:00Z');
    expect(result.stdout.split('\n')[0]).toMatch(/You're all caught up\.$/);
  });

  it.each([
    [['--author', 'carol', '--tag', '#search', '--since', '1d'], '--since 1d, --author carol, --tag search'],
    [['--kind', 'update', '--since', '2d'], '--since 2d, --kind update'],
  ])('names the filter %j in the header line', async (flags, named) => {
    const result = await bob(['catchup', '--no-pull', ...flags], '2026-11-24T18:30:00Z');
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout.split('\n')[0]).toContain(` · ${named}`);
    const digest = await bob(['catchup', '--no-pull', '--markdown', ...flags], '2026-11-24T18:30:00Z');
    expect(digest.stdout.split('\n')[2]).toContain(` · ${named}`);
  });

  it('a filter that matches nothing says so, and not that you are caught up', async () => {
    const result = await bob(['catchup', '--no-pull', '--author', 'alice', '--kind', 'decision'], '2026-11-24T18:30:00Z');
    expect(result.stdout.split('\n')[0]).toMatch(/^Nothing new since .* matching --author alice, --kind decision\.$/);
  });
});

describe('catchup warnings', () => {
  const FAKE = 'entries/2026/11/24/20261124T163500Z-alice-fake.md';
  beforeAll(() => {
    // An impossible author, pushed with plain git: every reader skips it with a warning.
    team.git('alice', ['pull', '-q', '--rebase']);
    mkdirSync(join(team.clone.alice!, 'entries/2026/11/24'), { recursive: true });
    writeFileSync(
      join(team.clone.alice!, FAKE),
      '---\nid: 20261124T163500Z-alice-fake\nkind: update\nauthor: bob\ncreated: 2026-11-24T17:35:00+01:00\ndone: [I am bob]\n---\n',
    );
    team.git('alice', ['add', '-A']);
    team.git('alice', ['-c', 'user.name=Alice', '-c', 'user.email=alice@example.com', 'commit', '-qm', 'by hand']);
    team.git('alice', ['push', '-q', 'origin', 'HEAD']);
    team.git('bob', ['pull', '-q', '--rebase']);
    team.git('bob', ['remote', 'set-url', 'origin', join(team.box.dir, 'nowhere.git')]);
  });
  const AT = '2026-11-24T19:00:00Z';
  const flags = ['catchup', '--peek', '--since', '2026-11-24T16:00:00Z'];

  it('text: on stderr, before the content, as git does; not on stdout', async () => {
    const result = await bob(flags, AT);
    expect(result.code, result.stderr).toBe(0);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines.some((line) => /^warning: Could not reach the remote/.test(line))).toBe(true);
    expect(lines.some((line) => line.startsWith('warning: ') && line.includes(FAKE))).toBe(true);
    expect(result.stdout).not.toContain('warning');
    expect(result.stdout).not.toContain(FAKE);
    expect(result.stdout).toContain('Catchup for bob');
  });

  it('--markdown: never pasted into the digest, only on stderr', async () => {
    const result = await bob([...flags, '--markdown'], AT);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).not.toMatch(/warning|Warnings|Could not reach/i);
    expect(result.stdout).not.toContain(FAKE);
    expect(result.stderr).toContain(FAKE);
  });

  it('--json: in `warnings`, and stdout is the one document', async () => {
    const result = await bob([...flags, '--json'], AT);
    expect(result.code, result.stderr).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(doc.warnings.some((w: string) => w.includes(FAKE))).toBe(true);
    expect(doc.warnings.some((w: string) => /Could not reach the remote/.test(w))).toBe(true);
    expect(result.stderr).not.toContain(FAKE);
  });
});
