import { existsSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BIN, makeSandbox, runBin, runBinWithSilentStdin, type Sandbox } from '../helpers/cli.js';
import { gitIn, makeBareRemote } from '../helpers/git.js';
import { TZ_RELEASE } from '../../src/tz/index.js';

let box: Sandbox;
let ws: string;
let env: Record<string, string | undefined>;
const bin = (argv: string[], extra: Record<string, string> = {}) => runBin(argv, { cwd: ws, env: { ...env, ...extra } });

beforeAll(async () => {
  box = makeSandbox();
  const remote = makeBareRemote(box.dir);
  env = { ...box.env, ASYNC_NOW: '2026-11-24T16:00:00Z' };
  const init = await runBin(['init', 'team', '--remote', remote, '--as', 'alice', '--tz', 'Europe/Berlin', '--hours', '09:00-17:30'], {
    cwd: box.dir,
    env,
  });
  expect(init.stderr).toBe('');
  const join2 = await runBin(['join', remote, 'bob', '--as', 'bob', '--tz', 'America/Los_Angeles'], { cwd: box.dir, env });
  expect(join2.code).toBe(0);
  ws = join(box.dir, 'team');
  gitIn(ws, ['pull', '--quiet'], env);
});
afterAll(() => box.cleanup());

describe('the built binary', () => {
  it('prints its version and help', async () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8'));
    const version = await bin(['--version']);
    expect(version).toMatchObject({ code: 0, stdout: `async ${pkg.version} (tz ${TZ_RELEASE})\n` });
    const help = await bin(['--help']);
    expect(help.code).toBe(0);
    for (const name of ['init', 'join', 'member', 'away', 'who', 'next', 'update', 'handoff', 'ack', 'catchup', 'sync', 'demo'])
      expect(help.stdout).toContain(name);
  });

  it('installs from the clone as the README says (npm install -g .), and the installed command runs', () => {
    const prefix = join(box.dir, 'global');
    const root = dirname(dirname(BIN));
    const npm = spawnSync('npm', ['install', '-g', '--prefix', prefix, '--no-audit', '--no-fund', '.'], {
      cwd: root,
      env: { ...process.env, npm_config_prefix: prefix },
      encoding: 'utf8',
    });
    expect(npm.status, npm.stderr).toBe(0);
    const installed = spawnSync(join(prefix, 'bin', 'async'), ['--version'], { encoding: 'utf8' });
    expect(installed.stdout).toBe(`async ${JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version} (tz ${TZ_RELEASE})\n`);
  });

  it('alone prints the help on stdout and exits 0; an unknown command is still one line and exit 2', async () => {
    const alone = await bin([]);
    expect(alone).toMatchObject({ code: 0, stderr: '' });
    expect(alone.stdout).toContain('Usage: async');
    const unknown = await bin(['frobnicate']);
    expect(unknown).toMatchObject({ code: 2, stdout: '' });
    expect(unknown.stderr).toBe("async: unknown command 'frobnicate'. See 'async --help'.\n");
  });

  it('who --json and next --json follow the SPEC shape', async () => {
    const who = await bin(['who', '--json']);
    expect(who.code).toBe(0);
    const doc = JSON.parse(who.stdout);
    expect(Object.keys(doc)).toEqual(['at', 'members']);
    expect(Object.keys(doc.members[0]).sort()).toEqual([
      'away',
      'handle',
      'holiday',
      'local',
      'name',
      'next',
      'online',
      'onlineNow',
      'tz',
      'until',
    ]);
    const next = await bin(['next', '--json', '--as', 'alice']);
    expect(Object.keys(JSON.parse(next.stdout))).toEqual(['at', 'from', 'recipients', 'overdue']);
    expect(JSON.parse(next.stdout).recipients[0]).toEqual({
      handle: 'bob',
      online: false,
      start: '2026-11-24T17:00:00Z',
      until: '2026-11-25T01:00:00Z',
    });
  });

  it('prints no colour off a terminal and honours FORCE_COLOR / NO_COLOR', async () => {
    const plainWho = await bin(['who']);
    expect(plainWho.code).toBe(0);
    expect(plainWho.stdout).toMatch(/alice .* Europe\/Berlin .* online until 17:30/);
    expect(plainWho.stdout).not.toContain('\u001b[');
    expect((await bin(['who'], { FORCE_COLOR: '1' })).stdout).toContain('\u001b[');
    expect((await bin(['who'], { FORCE_COLOR: '1', NO_COLOR: '1' })).stdout).not.toContain('\u001b[');
    expect((await bin(['who', '--no-color'], { FORCE_COLOR: '1' })).stdout).not.toContain('\u001b[');
  });
});

describe('bad input: exit 2, one sentence, nothing written', () => {
  const cases: [string, string[], RegExp][] = [
    ['unknown zone', ['member', 'add', 'carol', '--tz', 'Mars/Olympus'], /not an IANA time zone/],
    ['"local" is not a zone', ['member', 'add', 'carol', '--tz', 'local'], /not an IANA time zone/],
    ['"system" is not a zone', ['member', 'add', 'carol', '--tz', 'system'], /not an IANA time zone/],
    ['an offset is not a zone', ['member', 'add', 'carol', '--tz', 'UTC+5:30'], /not an IANA time zone/],
    [
      'a typo, with a hint',
      ['member', 'add', 'carol', '--tz', 'Europe/Berln'],
      /not an IANA time zone name\. Did you mean Europe\/Berlin\?/,
    ],
    ['a city alone, with a hint', ['member', 'add', 'carol', '--tz', 'new york'], /Did you mean America\/New_York\?/],
    ['an abbreviation, with a hint', ['member', 'add', 'carol', '--tz', 'PST'], /Did you mean America\/Los_Angeles\?/],
    ['a zone removed from tz (2017c)', ['member', 'add', 'carol', '--tz', 'Canada/East-Saskatchewan'], /not an IANA time zone/],
    ['ambiguous hours', ['member', 'add', 'carol', '--tz', 'UTC', '--hours', '9-5'], /is ambiguous/],
    ['an empty window', ['member', 'add', 'carol', '--tz', 'UTC', '--hours', '09:00-09:00'], /empty window/],
    ['hours out of range', ['member', 'add', 'carol', '--tz', 'UTC', '--hours', '25:00-26:00'], /not a working window/],
    ['workdays not day names', ['member', 'add', 'carol', '--tz', 'UTC', '--workdays', 'mon,funday'], /not a list of day names/],
    ['handle with a slash', ['member', 'add', '../etc', '--tz', 'UTC'], /handle/i],
    ['handle with capitals', ['member', 'add', 'Carol', '--tz', 'UTC'], /handle/i],
    ['reserved handle', ['member', 'add', 'con', '--tz', 'UTC'], /handle/i],
    ['handle too long', ['member', 'add', 'a'.repeat(33), '--tz', 'UTC'], /handle/i],
    ['unknown handle', ['member', 'set', 'zoe', '--tz', 'UTC'], /Unknown handle "zoe"/],
    ['unknown --as', ['who', '--as', 'zoe'], /Unknown handle "zoe"/],
    ['unparseable --at', ['who', '--at', 'the day after never'], /--at .* is not a time/],
    ['a --since in the future', ['catchup', '--since', 'tomorrow 9am', '--no-pull'], /--since "tomorrow 9am" is in the future/],
    ['time off to remove that is not there', ['away', '--remove', '2026-12-24'], /None of your time off contains 2026-12-24/],
    ['unknown flag', ['who', '--frobnicate'], /unknown option '--frobnicate'/],
    ['unknown command', ['frobnicate'], /unknown command 'frobnicate'/],
    ['not a workspace', ['who', '-w', '/'], /is not an async workspace/],
    ['a workspace that does not exist', ['who', '-w', '/nonexistent'], /^async: \/nonexistent \(from --workspace\) does not exist\./],
    ['a workspace that is a file', ['who', '-w', '/etc/hostname'], /\(from --workspace\) is not a directory/],
    ['an unknown ASYNC_USER', ['update', '--done', 'x'], /Unknown handle "zed" \(from ASYNC_USER\)/],
    ['bad ASYNC_NOW', ['who'], /ASYNC_NOW/],
  ];
  it.each(cases)('%s', async (name, argv, message) => {
    const before = gitIn(ws, ['rev-parse', 'HEAD']);
    const extra: Record<string, string> =
      name === 'bad ASYNC_NOW' ? { ASYNC_NOW: 'soon' } : name === 'an unknown ASYNC_USER' ? { ASYNC_USER: 'zed' } : {};
    const result = await bin(argv, extra);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    expect(gitIn(ws, ['rev-parse', 'HEAD'])).toBe(before);
    expect(gitIn(ws, ['status', '--porcelain'])).toBe('');
  });

  it('accepts UTC, GMT+0, renamed zones such as Europe/Kyiv, and any case; warns about legacy and fixed zones', async () => {
    for (const [handle, tz, warning, stored] of [
      ['u', 'UTC', '', 'UTC'],
      ['z', 'GMT+0', '', 'GMT+0'],
      ['k', 'Europe/Kyiv', '', 'Europe/Kyiv'],
      ['c', ' europe/berlin ', '', 'Europe/Berlin'],
      [
        'g',
        'Etc/GMT+5',
        'warning: Etc/GMT+5 is a fixed UTC-05:00 that never follows daylight saving; use a city zone if you live in one.\n',
        'Etc/GMT+5',
      ],
      ['e', 'EST', 'warning: EST is a fixed -05:00 with no daylight saving; you probably mean America/New_York.\n', 'EST'],
    ] as const) {
      const result = await bin(['member', 'add', handle, '--tz', tz, '--no-push']);
      expect(result.stderr).toBe(warning);
      expect(result.code).toBe(0);
      expect(readFileSync(join(ws, 'members', `${handle}.yaml`), 'utf8')).toContain(`tz: ${stored}\n`);
    }
  });

  it('outside any workspace with no default, says how to start', async () => {
    const result = await runBin(['who'], { cwd: box.dir, env: { ...env, XDG_CONFIG_HOME: join(box.dir, 'empty-config') } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/No workspace here.*async init/);
  });

  it('off a terminal, a missing --as fails at once even when stdin is an open pipe', async () => {
    const result = await runBinWithSilentStdin(['join', join(box.dir, 'remote.git'), join(box.dir, 'nobody')], {
      cwd: box.dir,
      env,
      timeoutMs: 10_000,
    });
    expect(result.timedOut).toBe(false);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/Missing --as/);
    expect(existsSync(join(box.dir, 'nobody'))).toBe(false);
  });
});
