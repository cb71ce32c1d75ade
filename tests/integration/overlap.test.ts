import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { hasScript } from '../helpers/pty.js';
import { shq } from '../helpers/shell.js';
import { makeTeam, type Team } from '../helpers/team.js';

// Tue 24 Nov 2026, 12:00 UTC. All work 09:00-17:00 local, Monday to Friday; in UTC: Berlin
// 08:00-16:00, New York 14:00-22:00, Sydney 22:00-06:00, San Francisco 17:00-01:00.
const NOW = '2026-11-24T12:00:00Z';
let team: Team;

beforeAll(async () => {
  team = await makeTeam(
    [
      { handle: 'berta', tz: 'Europe/Berlin', name: 'Berta Benz' },
      { handle: 'nina', tz: 'America/New_York' },
      { handle: 'sid', tz: 'Australia/Sydney' },
      { handle: 'sam', tz: 'America/Los_Angeles' },
    ],
    NOW,
  );
  // Sid is away on his Wednesday; Berta's clone learns it with a sync, as a real team would.
  for (const [handle, argv] of [
    ['sid', ['away', '2026-11-25']],
    ['berta', ['sync']],
  ] as const) {
    const result = await team.run(handle, [...argv]);
    if (result.code !== 0) throw new Error(result.stderr);
  }
}, 120_000);
afterAll(() => team.cleanup());

describe('async overlap', () => {
  it('--json: the shared windows of two members, in UTC, ordered by start', async () => {
    const result = await team.run('berta', ['overlap', 'berta', 'nina', '--json', '--days', '3']);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const json = JSON.parse(result.stdout);
    expect(json).toEqual({
      from: '2026-11-24T12:00:00Z',
      to: '2026-11-27T12:00:00Z',
      members: [
        { handle: 'berta', name: 'Berta Benz', tz: 'Europe/Berlin', hours: '09:00-17:00' },
        { handle: 'nina', name: 'nina', tz: 'America/New_York', hours: '09:00-17:00' },
      ],
      windows: [
        { start: '2026-11-24T14:00:00Z', end: '2026-11-24T16:00:00Z', members: ['berta', 'nina'] },
        { start: '2026-11-25T14:00:00Z', end: '2026-11-25T16:00:00Z', members: ['berta', 'nina'] },
        { start: '2026-11-26T14:00:00Z', end: '2026-11-26T16:00:00Z', members: ['berta', 'nina'] },
      ],
      partial: [],
      fairest: [],
      idle: [],
    });
  });

  it('human output: the windows in the reader’s zone, with the others’ local hours', async () => {
    const result = await team.run('nina', ['overlap', 'berta', 'nina', '--days', '2']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Team · when berta and nina work at the same time',
        'Tue 24 Nov 07:00 to Thu 26 Nov 07:00, your time (America/New_York)',
        '',
        'Everyone at once: 2 windows, 4h in all',
        '  Tue 24 Nov 09:00–11:00      2h      berta 15:00–17:00',
        '  Wed 25 Nov 09:00–11:00      2h      berta 15:00–17:00',
        '',
      ].join('\n'),
    );
  });

  it('nobody overlaps: the fairest slots, who is outside their hours and by how much, and the best partial overlaps', async () => {
    const result = await team.run('berta', ['overlap', 'sid', 'berta', 'sam', '--at', '2026-11-30T00:00:00Z']);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Team · when sid, berta and sam work at the same time',
        'Mon 30 Nov 01:00 to Mon 7 Dec 01:00, your time (Europe/Berlin)',
        '',
        'Nobody works at the same time as all the others in these 7 days.',
        '',
        'Fairest slots (the worst-off person as little outside their own hours as can be):',
        '  Mon 30 Nov 19:30–20:00      worst 3h 30m outside',
        '    sid    Tue 05:30–06:00 their time, 3h 30m before their day starts',
        '    berta  Mon 19:30–20:00 their time, 3h after their day ends',
        '    in their hours: sam',
        '  Tue 1 Dec 19:30–20:00       worst 3h 30m outside',
        '    sid    Wed 05:30–06:00 their time, 3h 30m before their day starts',
        '    berta  Tue 19:30–20:00 their time, 3h after their day ends',
        '    in their hours: sam',
        '  Wed 2 Dec 19:30–20:00       worst 3h 30m outside',
        '    sid    Thu 05:30–06:00 their time, 3h 30m before their day starts',
        '    berta  Wed 19:30–20:00 their time, 3h after their day ends',
        '    in their hours: sam',
        '',
        'Best partial overlaps (most people, then longest):',
        '  Mon 30 Nov 23:00–Tue 02:00  3h      sid, sam  (sid 09:00–12:00, sam 14:00–17:00)',
        '  Tue 1 Dec 23:00–Wed 02:00   3h      sid, sam  (sid 09:00–12:00, sam 14:00–17:00)',
        '  Wed 2 Dec 23:00–Thu 02:00   3h      sid, sam  (sid 09:00–12:00, sam 14:00–17:00)',
        '',
      ].join('\n'),
    );
  });

  it('the whole team by default; an away day takes a window away (the built binary, ASYNC_NOW)', async () => {
    const result = await team.bin('berta', ['overlap', 'sid', 'sam', '--json', '--days', '2']);
    expect(result.code).toBe(0);
    // Sid is away on Wed 25 (Sydney), so Tuesday evening in San Francisco has nobody from Sydney.
    expect(JSON.parse(result.stdout).windows).toEqual([
      { start: '2026-11-25T22:00:00Z', end: '2026-11-26T01:00:00Z', members: ['sid', 'sam'] },
    ]);
    const all = JSON.parse((await team.bin('berta', ['overlap', '--json'])).stdout);
    expect(all.members.map((m: { handle: string }) => m.handle)).toEqual(['berta', 'nina', 'sam', 'sid']);
    expect(all.windows).toEqual([]);
    expect(all.fairest).toHaveLength(3);
  });

  it.each([
    [['overlap', 'zed'], /Unknown handle "zed"/],
    [['overlap', 'berta', 'Nina'], /Unknown handle "Nina"/],
    [['overlap', '--days', '0'], /--days "0"/],
    [['overlap', '--days', '32'], /--days "32"/],
    [['overlap', '--days', '1.5'], /--days "1.5"/],
    [['overlap', '--days', 'week'], /--days "week"/],
    [['overlap', '--at', 'someday'], /--at "someday"/],
  ])('bad input %j: exit 2, one line naming it, nothing on stdout', async (argv, message) => {
    const result = await team.run('berta', argv);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('async who --timeline', () => {
  it('draws the day in the reader’s zone, off a terminal in plain characters (the built binary)', async () => {
    const result = await team.bin('berta', ['who', '--timeline'], { COLUMNS: '60' });
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        'Team · Tue 24 Nov 13:00 your time (Europe/Berlin)',
        '',
        '          00 02 04 06 08 10 12 14 16 18 20 22',
        '                             v now 13:00',
        '  * berta .............############........... 13:00  Berta…',
        '    sid   ##########.........|.--------------- 23:00',
        '  > nina  ...................|..############.. 07:00',
        '    sam   ###................|.......######### 04:00',
        '',
        '  # working   . off   - away   v now   * you',
        '  > picks up after you',
        '',
      ].join('\n'),
    );
  });

  it('fits 80 columns by default off a terminal; --json does not go with it', async () => {
    const result = await team.run('sam', ['who', '--timeline']);
    expect(result.code).toBe(0);
    expect(Math.max(...result.stdout.split('\n').map((l) => [...l].length))).toBeLessThanOrEqual(80);
    const both = await team.run('sam', ['who', '--timeline', '--json']);
    expect(both.code).toBe(2);
    expect(both.stdout).toBe('');
  });
});

/** The built binary on a pseudo-terminal of `cols` columns (util-linux `script`). */
function onTerminal(cols: number, argv: string[], extra: Record<string, string> = {}): Promise<string> {
  const command = `stty cols ${cols} rows 40; exec ${[process.execPath, BIN, ...argv].map(shq).join(' ')}`;
  return new Promise((resolve, reject) => {
    const child = spawn('script', ['-qefc', command, '/dev/null'], {
      cwd: team.clone.berta,
      env: { ...team.env, TERM: 'xterm-256color', ...extra } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve(out.replace(/\r\n/g, '\n')) : reject(new Error(`exit ${code}: ${out}`))));
  });
}

describe.skipIf(!hasScript)('async who --timeline on a terminal', () => {
  const strip = (text: string) => text.replace(/\u001b\[[0-9;]*m/g, '');
  it.each([
    [60, 36],
    [100, 72],
  ])('%i columns: the terminal’s width, in colour', async (cols, cells) => {
    const out = await onTerminal(cols, ['who', '--timeline']);
    expect(out).toContain('\u001b[32m█');
    const lines = strip(out).split('\n');
    for (const line of lines) expect([...line].length).toBeLessThanOrEqual(cols);
    const berta = lines.find((l) => l.includes('berta'))!;
    expect(berta.slice(10, 10 + cells)).toMatch(/^[█·│]+$/);
    expect(berta.slice(10 + cells, 11 + cells)).toBe(' ');
  });

  it('--no-color and NO_COLOR: plain characters on a terminal too', async () => {
    for (const out of [
      await onTerminal(60, ['who', '--timeline', '--no-color']),
      await onTerminal(60, ['who', '--timeline'], { NO_COLOR: '1' }),
    ]) {
      expect(out).not.toContain('\u001b');
      expect(out).toContain('  * berta .............############........... 13:00  Berta…');
    }
  });
});
