import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { BIN, runBin } from '../helpers/cli.js';
import { shq } from '../helpers/shell.js';
import { cloneHealth, makeTeam, type Team } from '../helpers/team.js';

/** Issue 11's smaller faults, each with the built binary and real git. */
let team: Team | undefined;
afterEach(() => {
  team?.cleanup();
  team = undefined;
});
const duo = () =>
  makeTeam([
    { handle: 'ana', tz: 'Europe/Berlin' },
    { handle: 'bob', tz: 'Asia/Tokyo' },
  ]);

describe('smaller faults', () => {
  it('a handoff filed in another day folder than its id says is found, and acknowledged', async () => {
    team = await duo();
    const sent = await team.run('ana', ['handoff', '--to', 'bob', '--ask', 'take over']);
    expect(sent.code).toBe(0);
    const path = /Wrote (\S+\.md)/.exec(sent.stdout)![1]!;
    const id = path.split('/').pop()!.replace(/\.md$/, '');
    // A teammate moves it by hand (or another tool filed it by local date).
    mkdirSync(join(team.clone.ana!, 'entries/2026/11/23'), { recursive: true });
    renameSync(join(team.clone.ana!, path), join(team.clone.ana!, 'entries/2026/11/23', `${id}.md`));
    team.git('ana', ['add', '-A', 'entries']);
    team.git('ana', ['commit', '-qm', 'file it elsewhere']);
    team.git('ana', ['push', '-q', 'origin', 'main']);

    const ack = await team.bin('bob', ['ack', id.slice(0, 20)]);
    expect(ack.code, ack.stderr).toBe(0);
    expect(ack.stdout).toMatch(/^Wrote entries\/.*-bob-.*\.md\. Pushed\.$/m);
  });

  it('join with an unwritable user config warns, keeps the clone usable, and says how to reach it', async () => {
    team = await duo();
    const badConfig = join(team.box.dir, 'not-a-folder');
    writeFileSync(badConfig, 'a file where the config folder should be\n');
    const result = await runBin(['join', team.remote, 'carol', '--as', 'carol', '--tz', 'Asia/Kolkata'], {
      cwd: team.box.dir,
      env: { ...team.env, XDG_CONFIG_HOME: badConfig },
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(
      /^warning: Could not record .*carol as your default workspace .*a file stands where its folder should be.*use -w/m,
    );
    expect(result.stdout).toMatch(/Try 'async -w .*carol who'/);
    const who = await runBin(['-w', join(team.box.dir, 'carol'), 'who'], {
      cwd: team.box.dir,
      env: { ...team.env, XDG_CONFIG_HOME: badConfig },
    });
    expect(who.code, who.stderr).toBe(0);
    expect(who.stdout).toMatch(/carol/);
  });

  it('a member whose own file does not parse can rewrite it with member set', async () => {
    team = await duo();
    writeFileSync(join(team.clone.ana!, 'members/ana.yaml'), 'handle: ana\ntz: [broken\n');
    team.git('ana', ['commit', '-qam', 'break it']);
    const fixed = await team.bin('ana', ['member', 'set', '--tz', 'Europe/Lisbon']);
    expect(fixed.code, fixed.stderr).toBe(0);
    expect(fixed.stdout).toMatch(/^Saved members\/ana\.yaml: ana \(Europe\/Lisbon/);
    expect(team.git('ana', ['log', '--format=%s', '-1'])).toBe('Repair member ana\n');
    const who = await team.bin('ana', ['who', '--json']);
    expect(JSON.parse(who.stdout).members.map((m: { handle: string; tz: string }) => `${m.handle} ${m.tz}`)).toContain('ana Europe/Lisbon');
    expect(cloneHealth(team.clone.ana!, team.env).dirty).toBe('');
  });

  it('a reader that closes the pipe early (catchup | true, who | true): exit 0, no stack, the mark unmoved', async () => {
    team = await duo();
    for (let i = 0; i < 40; i++) await team.run('bob', ['update', '--done', `item ${i} ${'x'.repeat(3000)}`, '--no-push']);
    const pipe = (argv: string, reader: string) =>
      spawnSync('bash', ['-c', `${shq(process.execPath)} ${shq(BIN)} ${argv} | ${reader}; echo "exit:\${PIPESTATUS[0]}" >&2`], {
        cwd: team!.clone.bob!,
        env: { ...team!.env, ASYNC_USER: 'ana' } as NodeJS.ProcessEnv,
        encoding: 'utf8',
      });
    // `true` exits before the binary has started, so every write meets a closed pipe (no timing race).
    const catchup = pipe('catchup --no-pull', 'true');
    expect(catchup.stderr).toMatch(/exit:0\s*$/);
    expect(catchup.stderr).not.toMatch(/EPIPE|at .*\.cjs/);
    const state = JSON.parse(readFileSync(join(team.clone.bob!, '.git', 'async', 'state.json'), 'utf8'));
    expect(state.marks?.ana).toBeUndefined();
    const who = pipe('who', 'true');
    expect(who.stderr).toMatch(/exit:0\s*$/);
    expect(who.stderr).not.toMatch(/EPIPE|at .*\.cjs/);
  });

  it('a journaled entry that a pre-commit hook refuses is kept and named; reads go on', async () => {
    team = await duo();
    const hook = join(team.clone.ana!, '.git', 'hooks', 'pre-commit');
    writeFileSync(hook, '#!/bin/sh\necho "secret scanner: AWS key found" >&2\nexit 1\n', { mode: 0o755 });
    const write = await team.bin('ana', ['update', '--done', 'AKIA-looking text']);
    expect(write.code).toBe(1);
    expect(write.stderr).toMatch(/but could not commit it: .*secret scanner: AWS key found/);
    const catchup = await team.bin('ana', ['catchup']);
    expect(catchup.code, catchup.stderr).toBe(0);
    expect(catchup.stdout + catchup.stderr).toMatch(
      /An interrupted write left files git would not commit now \(entries\/\S+\.md could not be committed: .*secret scanner: AWS key found\); they are kept/,
    );
    const sync = await team.bin('ana', ['sync']);
    expect(sync.code, sync.stderr).toBe(0);
    expect(sync.stderr).toMatch(/secret scanner/);
  });
});
