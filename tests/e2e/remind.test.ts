import { chmodSync, existsSync, mkdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { makeTeam, type Team } from '../helpers/team.js';

/**
 * `async remind`: the reminder near the end of the day (a desktop notification, or a line in
 * `async status`), and the user timer that asks for it. systemctl, crontab and notify-send are OS
 * tools, faked here by scripts on PATH that record their arguments; git is real.
 */
let team: Team;
let fakes: string;
let log: string;
let crontabFile: string;
// 2026-11-24 is a Tuesday; 15:45Z is 16:45 in Berlin, 15 minutes before the end of 09:00-17:00.
const DUE = '2026-11-24T15:45:00Z';

function fake(name: string, body: string): void {
  const path = join(fakes, name);
  writeFileSync(path, `#!/bin/sh\necho "${name} $*" >> "${log}"\n${body}\n`);
  chmodSync(path, 0o755);
}

const withFakes = (extra: Record<string, string> = {}) => ({ PATH: `${fakes}${delimiter}${process.env.PATH}`, ...extra });
const calls = () => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);

beforeAll(async () => {
  team = await makeTeam([
    { handle: 'alice', tz: 'Europe/Berlin' },
    { handle: 'bob', tz: 'Europe/Berlin' },
  ]);
  fakes = join(team.box.dir, 'fakes');
  mkdirSync(fakes);
  log = join(team.box.dir, 'calls.log');
  crontabFile = join(team.box.dir, 'crontab.txt');
}, 120_000);
afterAll(() => team.cleanup());
beforeEach(() => {
  rmSync(log, { force: true });
  for (const name of ['systemctl', 'crontab', 'notify-send']) rmSync(join(fakes, name), { force: true });
});

describe('async remind --due', () => {
  it('not due: silent, exit 0; --json says why', async () => {
    expect(await team.bin('alice', ['remind', '--due'], { ASYNC_NOW: '2026-11-24T12:00:00Z' })).toMatchObject({ code: 0, stdout: '' });
    const early = await team.bin('alice', ['remind', '--due', '--json'], { ASYNC_NOW: '2026-11-24T12:00:00Z' });
    expect(JSON.parse(early.stdout)).toEqual({ due: false, reason: 'not-yet' });
    const saturday = await team.bin('alice', ['remind', '--due', '--json'], { ASYNC_NOW: '2026-11-28T15:45:00Z' });
    expect(JSON.parse(saturday.stdout)).toEqual({ due: false, reason: 'day-off' });
  });

  it('due with notify-send on PATH: a desktop notification, once per day', async () => {
    fake('notify-send', 'exit 0');
    const first = await team.bin('alice', ['remind', '--due', '--json'], withFakes({ ASYNC_NOW: DUE }));
    expect(first.code, first.stderr).toBe(0);
    expect(JSON.parse(first.stdout)).toEqual({ due: true, reason: 'due', via: 'notification' });
    expect(calls()).toEqual([
      'notify-send --app-name=async async: your update Your working day ends at 17:00: time to write your update (async update).',
    ]);
    const again = await team.bin('alice', ['remind', '--due', '--json'], withFakes({ ASYNC_NOW: '2026-11-24T15:50:00Z' }));
    expect(JSON.parse(again.stdout)).toEqual({ due: false, reason: 'reminded' });
    expect(calls()).toHaveLength(1);
    // Shown as a notification: the prompt does not repeat it.
    expect((await team.bin('alice', ['status'], { ASYNC_NOW: '2026-11-24T15:50:00Z' })).stdout).toBe('');
  });

  it('due with no notifier: a reminder that async status shows until you write your update', async () => {
    const due = await team.bin('bob', ['remind', '--due'], { ASYNC_NOW: DUE });
    expect(due).toMatchObject({
      code: 0,
      stdout: 'Your working day ends at 17:00: time to write your update (async update). (shown in async status)\n',
    });
    expect((await team.bin('bob', ['status'], { ASYNC_NOW: '2026-11-24T15:50:00Z' })).stdout).toBe('async: update due\n');
    expect((await team.run('bob', ['update', '--done', 'x', '--no-push'], '2026-11-24T15:52:00Z')).code).toBe(0);
    expect((await team.bin('bob', ['status'], { ASYNC_NOW: '2026-11-24T15:55:00Z' })).stdout).toBe('async: 1 unpushed\n');
    const after = await team.bin('bob', ['remind', '--due', '--json'], { ASYNC_NOW: '2026-11-24T15:55:00Z' });
    expect(JSON.parse(after.stdout)).toEqual({ due: false, reason: 'updated' });
  });

  it('plain remind asks for --due or a subcommand (exit 2)', async () => {
    const plain = await team.bin('alice', ['remind']);
    expect(plain.code).toBe(2);
    expect(plain.stderr).toMatch(/--due/);
  });
});

describe('async remind install / uninstall', () => {
  const unitDir = () => join(team.env.XDG_CONFIG_HOME!, 'systemd', 'user');
  const command = () => `"${process.execPath}" "${realpathSync(BIN)}" "-w" "${team.clone.alice}" "remind" "--due"`;

  it('systemd: --dry-run shows the timer and writes nothing', async () => {
    fake('systemctl', 'exit 0');
    const dry = await team.bin('alice', ['remind', 'install', '--dry-run'], withFakes());
    expect(dry.code, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(`Would write ${join(unitDir(), 'async-remind.service')}:`);
    expect(dry.stdout).toContain(`ExecStart=${command()}`);
    expect(existsSync(unitDir())).toBe(false);
    expect(calls()).toEqual(['systemctl --user show-environment']);
  });

  it('systemd: writes one service and one timer, enables the timer; uninstall removes exactly them', async () => {
    fake('systemctl', 'exit 0');
    const installed = await team.bin('alice', ['remind', 'install'], withFakes());
    expect(installed.code, installed.stderr).toBe(0);
    expect(installed.stdout).toMatch(/^Installed a systemd user timer/);
    expect(readFileSync(join(unitDir(), 'async-remind.service'), 'utf8')).toContain(`ExecStart=${command()}\n`);
    expect(readFileSync(join(unitDir(), 'async-remind.timer'), 'utf8')).toContain('OnCalendar=*:0/15');
    expect(calls()).toEqual([
      'systemctl --user show-environment',
      'systemctl --user daemon-reload',
      'systemctl --user enable --now async-remind.timer',
    ]);
    rmSync(log);
    const removed = await team.bin('alice', ['remind', 'uninstall'], withFakes());
    expect(removed.code, removed.stderr).toBe(0);
    expect(existsSync(join(unitDir(), 'async-remind.service'))).toBe(false);
    expect(existsSync(join(unitDir(), 'async-remind.timer'))).toBe(false);
    expect(calls()).toEqual(['systemctl --user disable --now async-remind.timer', 'systemctl --user daemon-reload']);
    const nothing = await team.bin('alice', ['remind', 'uninstall'], withFakes());
    expect(nothing.stdout).toMatch(/nothing to remove/);
  });

  it('cron, when systemctl --user does not answer: one marked line added to the crontab, the rest kept; uninstall takes it out', async () => {
    fake('systemctl', 'exit 1');
    fake(
      'crontab',
      `if [ "$1" = "-l" ]; then [ -f "${crontabFile}" ] && exec cat "${crontabFile}"; echo "no crontab for test" >&2; exit 1; fi\nif [ "$1" = "-" ]; then cat > "${crontabFile}"; exit 0; fi\nexit 2`,
    );
    writeFileSync(crontabFile, '0 3 * * * backup\n');
    const installed = await team.bin('alice', ['remind', 'install'], withFakes());
    expect(installed.code, installed.stderr).toBe(0);
    const lines = readFileSync(crontabFile, 'utf8').trim().split('\n');
    expect(lines[0]).toBe('0 3 * * * backup');
    expect(lines[1]).toMatch(/^\*\/15 \* \* \* \* /);
    expect(lines[1]).toContain(`${process.execPath} ${realpathSync(BIN)} -w ${team.clone.alice} remind --due`);
    expect(lines).toHaveLength(2);
    expect(installed.stdout).toContain(lines[1]);
    // Installing again replaces the line, never adds a second one.
    expect((await team.bin('alice', ['remind', 'install'], withFakes())).code).toBe(0);
    expect(readFileSync(crontabFile, 'utf8').trim().split('\n')).toHaveLength(2);
    const removed = await team.bin('alice', ['remind', 'uninstall'], withFakes());
    expect(removed.code, removed.stderr).toBe(0);
    expect(readFileSync(crontabFile, 'utf8')).toBe('0 3 * * * backup\n');
  });
});
