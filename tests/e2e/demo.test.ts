import { existsSync, readdirSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runBin, type Sandbox } from '../helpers/cli.js';
import { gitIn } from '../helpers/git.js';

let box: Sandbox;
let demo: { code: number; stdout: string; stderr: string };
const env = () => ({ ...box.env, ASYNC_NOW: '2026-11-24T09:30:00Z' });

beforeAll(async () => {
  box = makeSandbox();
  demo = await runBin(['demo', join(box.dir, 'demo')], { cwd: box.dir, env: env(), timeoutMs: 60_000 });
});
afterAll(() => box.cleanup());

describe('async demo', () => {
  it('builds a workspace with a bare remote and five clones, and shows who, next and a catchup', () => {
    expect(demo.stderr).toBe('');
    expect(demo.code).toBe(0);
    const root = join(box.dir, 'demo');
    expect(readdirSync(root).sort()).toEqual(['.config', 'ana', 'jonas', 'mei', 'priya', 'remote.git', 'sam']);
    expect(gitIn(join(root, 'remote.git'), ['rev-list', '--count', 'main']).trim()).not.toBe('0');
    for (const heading of ['async who', 'async next', 'async catchup', 'Handed to you', 'Try next:'])
      expect(demo.stdout).toContain(heading);
    expect(demo.stdout).not.toContain('\u001b[');
  });

  it('the timeline and overlap it suggests work in the clone as printed', async () => {
    expect(demo.stdout).toContain('async who --timeline');
    expect(demo.stdout).toContain('async overlap');
    const priya = join(box.dir, 'demo', 'priya');
    const timeline = await runBin(['who', '--timeline'], { cwd: priya, env: env() });
    expect(timeline).toMatchObject({ code: 0, stderr: '' });
    expect(timeline.stdout).toMatch(/priya/);
    const overlap = await runBin(['overlap'], { cwd: priya, env: env() });
    expect(overlap).toMatchObject({ code: 0, stderr: '' });
    expect(overlap.stdout).toMatch(/ana, jonas, mei, priya and sam|when .* work at the same time/);
  });

  it('leaves the user default workspace alone', () => {
    expect(existsSync(join(box.env.XDG_CONFIG_HOME!, 'async', 'config.json'))).toBe(false);
  });

  it('leaves clones a user can go on with', async () => {
    const priya = join(box.dir, 'demo', 'priya');
    const catchup = await runBin(['catchup', '--json'], { cwd: priya, env: env() });
    expect(catchup.code).toBe(0);
    const doc = JSON.parse(catchup.stdout);
    expect(doc.handoffsToYou).toHaveLength(1);
    const id: string = doc.handoffsToYou[0];
    expect(demo.stdout).toContain(`async ack ${id.slice(0, id.lastIndexOf('-'))} `);
    expect(gitIn(priya, ['status', '--porcelain'])).toBe('');
  });

  it('every "Try next" line runs as printed, in a shell, with async not on the PATH', () => {
    const block = demo.stdout.slice(demo.stdout.indexOf('Try next:\n') + 'Try next:\n'.length);
    const lines = block
      .split('\n')
      .filter((line) => line.startsWith('  '))
      .map((line) => line.trim());
    expect(lines[0]).toBe(`cd ${join(box.dir, 'demo', 'priya')}`);
    expect(lines[1]).toMatch(/^alias async='.+ .+async\.cjs' +# async is not on your PATH yet/);
    const run = lines.filter((line) => !line.startsWith('rm -rf'));
    expect(run.length).toBeGreaterThan(8);
    // Each line, then a marker with its exit code: a failing line names itself.
    const script = ['shopt -s expand_aliases', ...run.flatMap((line, i) => [line, `echo "::$? ${i}"`])].join('\n');
    const shell = spawnSync('bash', ['-c', script], {
      cwd: box.dir,
      env: { ...env(), PATH: dirname(process.execPath) + ':/usr/bin:/bin' },
      encoding: 'utf8',
    });
    const codes = [...shell.stdout.matchAll(/^::(\d+) (\d+)$/gm)].map((m) => `${run[Number(m[2])]} → ${m[1]}`);
    expect(codes).toEqual(run.map((line) => `${line} → 0`));
    expect(shell.stderr).toBe('');
    expect(shell.stdout).toMatch(/Move the billing queue to Postgres/);
    expect(shell.stdout).toMatch(/Mei Chen|mei/);
  });

  it('refuses a directory that is not empty', async () => {
    const again = await runBin(['demo', join(box.dir, 'demo')], { cwd: box.dir, env: env() });
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/is not empty/);
  });
});
