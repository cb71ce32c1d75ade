import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pagerCommand, pagerEnv } from '../../src/commands/pager.js';
import { hasScript, runInPty } from '../helpers/pty.js';
import { shq } from '../helpers/shell.js';
import { makeTeam, type Team } from '../helpers/team.js';

/**
 * Long output through a pager on a terminal, as git does (the built binary on a pseudo-terminal):
 * a pager that writes what it receives to a file shows what reached it.
 */
describe('which pager, if any', () => {
  it.each([
    ['a terminal, nothing set: less', {}, { tty: true }, 'less'],
    ['ASYNC_PAGER first', { ASYNC_PAGER: 'most', PAGER: 'more' }, { tty: true }, 'most'],
    ['then PAGER', { PAGER: 'more -d' }, { tty: true }, 'more -d'],
    ['ASYNC_PAGER empty disables, whatever PAGER says', { ASYNC_PAGER: '', PAGER: 'more' }, { tty: true }, null],
    ['PAGER empty disables', { PAGER: ' ' }, { tty: true }, null],
    ['cat disables', { ASYNC_PAGER: 'cat' }, { tty: true }, null],
    ['not a terminal: never', { ASYNC_PAGER: 'most' }, { tty: false }, null],
    ['--json: never', {}, { tty: true, json: true }, null],
    ['--no-pager: never', {}, { tty: true, pager: false }, null],
  ])('%s', (_name, env, options, expected) => {
    expect(pagerCommand(env, options)).toBe(expected);
  });

  it.each([
    ['LESS unset: FRX', {}, 'FRX'],
    ['LESS set: kept', { LESS: '-i' }, '-i'],
    ['LESS empty: kept (the user asked for no options)', { LESS: '' }, ''],
  ])('%s', (_name, env, expected) => {
    expect(pagerEnv(env).LESS).toBe(expected);
  });
});

let team: Team;
beforeAll(async () => {
  team = await makeTeam([{ handle: 'alice', tz: 'Europe/Berlin' }], '2026-11-24T12:00:00Z');
  const result = await team.run('alice', ['update', '--done', 'Paged through the log', '-y']);
  expect(result.code, result.stderr).toBe(0);
}, 60_000);
afterAll(() => team?.cleanup());

describe.skipIf(!hasScript)('on a terminal', () => {
  const paged = () => join(team.box.dir, `paged-${Math.random().toString(36).slice(2)}.txt`);
  const onTty = async (argv: string[], env: Record<string, string | undefined>) => {
    const session = runInPty(argv, { cwd: team.clone.alice!, env: { ...team.env, NO_COLOR: '1', ...env } });
    const code = await session.exited;
    return { code, screen: session.screen() };
  };

  it('log goes through ASYNC_PAGER, with LESS=FRX', async () => {
    const file = paged();
    const { code, screen } = await onTty(['log'], { ASYNC_PAGER: `{ printf '%s\\n' "$LESS"; cat; } > ${shq(file)}` });
    expect(code).toBe(0);
    const received = readFileSync(file, 'utf8');
    expect(received).toMatch(/^FRX\nTeam log · /);
    expect(received).toContain('update · Paged through the log');
    expect(screen).not.toContain('Paged through the log');
  });

  it('show goes through PAGER when ASYNC_PAGER is unset', async () => {
    const file = paged();
    const { code } = await onTty(['show', '2026'], { PAGER: `cat > ${shq(file)}` });
    expect(code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^Update by alice\n/);
  });

  it('search goes through the pager too', async () => {
    const file = paged();
    const { code } = await onTty(['search', 'paged'], { ASYNC_PAGER: `cat > ${shq(file)}` });
    expect(code).toBe(0);
    expect(readFileSync(file, 'utf8')).toContain('Paged through the log');
  });

  it('catchup goes through the pager, and the mark still moves', async () => {
    const file = paged();
    const later = '2026-11-24T15:00:00Z';
    const { code } = await onTty(['catchup', '--no-pull'], { ASYNC_PAGER: `cat > ${shq(file)}`, ASYNC_NOW: later });
    expect(code).toBe(0);
    expect(readFileSync(file, 'utf8')).toMatch(/^Nothing new since Tue 24 Nov 13:00 \(3h ago\)/);
    // Without a mark the window would start at alice's own update (12:00): the paged read moved it.
    const again = await team.bin('alice', ['catchup', '--no-pull', '--json'], { ASYNC_NOW: later });
    expect(JSON.parse(again.stdout).since).toBe(later);
  });

  it.each([
    ['--no-pager', ['--no-pager', 'log']],
    ['--json', ['log', '--json']],
    ['--markdown (a report is for files and pipes)', ['log', '--markdown']],
  ])('%s: straight to the terminal', async (_name, argv) => {
    const file = paged();
    const { code, screen } = await onTty(argv, { ASYNC_PAGER: `cat > ${shq(file)}` });
    expect(code).toBe(0);
    expect(existsSync(file)).toBe(false);
    expect(screen).toContain('Paged through the log');
  });

  it('catchup --markdown (a digest is for files and pipes): straight to the terminal', async () => {
    const file = paged();
    const argv = ['catchup', '--no-pull', '--peek', '--since', '2d', '--markdown'];
    const { code, screen } = await onTty(argv, { ASYNC_PAGER: `cat > ${shq(file)}` });
    expect(code).toBe(0);
    expect(existsSync(file)).toBe(false);
    expect(screen).toContain('# Catchup for alice');
  });

  it('a pager that is not installed: the output comes straight, exit 0', async () => {
    const { code, screen } = await onTty(['log'], { ASYNC_PAGER: 'no-such-pager-7f3a' });
    expect(code).toBe(0);
    expect(screen).toContain('Paged through the log');
  });
});

describe('off a terminal', () => {
  it('never pages, whatever ASYNC_PAGER says', async () => {
    const file = join(team.box.dir, 'never.txt');
    const result = await team.bin('alice', ['log'], { ASYNC_PAGER: `cat > ${shq(file)}` });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('Paged through the log');
    expect(existsSync(file)).toBe(false);
  });
});
