import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { script, shq } from '../../helpers/shell.js';
import { makeTeam, remoteEntries, writtenPath, type Team } from '../../helpers/team.js';

/**
 * Issue 6, "Git": text a user or teammate controls (tags, notes, items, links, handles) never
 * reaches git as an argument at all: the commit message goes on stdin, paths come after `--`, and
 * entry paths are built from validated ids. A logging `git` first on PATH records every argv.
 */
let team: Team;
afterEach(() => team?.cleanup());

function withGitLog(): { env: Record<string, string>; calls: () => string[][] } {
  const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
  const dir = join(team.box.dir, 'shim');
  mkdirSync(dir, { recursive: true });
  const log = join(dir, 'argv.log');
  script(
    dir,
    'git',
    `for a in "$@"; do printf '%s' "$a" | base64 -w0 >> ${shq(log)}; printf ' ' >> ${shq(log)}; done\necho >> ${shq(log)}\nexec ${shq(real)} "$@"`,
  );
  return {
    env: { PATH: `${dir}:${team.env.PATH}` },
    calls: () =>
      existsSync(log)
        ? readFileSync(log, 'utf8')
            .split('\n')
            .filter(Boolean)
            .map((line) =>
              line
                .trim()
                .split(' ')
                .filter(Boolean)
                .map((b64) => Buffer.from(b64, 'base64').toString('utf8')),
            )
        : [],
  };
}

const PWN = '/tmp/async-pwned-write-path';
const HOSTILE = [
  `--upload-pack=touch ${PWN}`,
  `-c core.pager=touch ${PWN}`,
  '-c',
  `core.sshCommand=touch ${PWN}`,
  `ext::sh -c touch% ${PWN}`,
  `--exec=touch ${PWN}`,
  `$(touch ${PWN})`,
  `\`touch ${PWN}\``,
];

describe('option look-alikes in the write path', () => {
  it('tags, notes, items, links and asks never appear in any git argument', async () => {
    team = await makeTeam([
      { handle: 'ana', tz: 'UTC' },
      { handle: 'bo', tz: 'UTC' },
    ]);
    const shim = withGitLog();
    const argv = [
      'handoff',
      '--to',
      'bo',
      // A tag is one word (--tag refuses spaces): the look-alike with its spaces as underscores.
      ...HOSTILE.flatMap((text) => ['--tag', text.replace(/\s+/g, '_'), '--done', text, '--ask', text, '--link', text]),
      '--note',
      HOSTILE.join('\n'),
    ];
    // Race a teammate so the push is rejected once and the write path fetches and rebases too.
    team.git('bo', ['commit', '-q', '--allow-empty', '-m', 'ahead']);
    team.git('bo', ['push', '-q']);
    const result = await team.bin('ana', argv, shim.env);
    expect(result.stderr).not.toMatch(/async:/);
    expect(result.code).toBe(0);
    const calls = shim.calls();
    expect(calls.map((args) => args[0])).toEqual(expect.arrayContaining(['add', 'push', 'fetch', 'rebase']));
    // A commit is made either by `git commit` or, on the fast path, by `commit-tree` + `update-ref`.
    expect(calls.some((args) => args[0] === 'commit' || args[0] === 'commit-tree')).toBe(true);
    for (const args of calls) for (const arg of args) expect(arg).not.toContain('touch');
    // Paths are always after `--`.
    for (const args of calls.filter((a) => a[0] === 'add' || a[0] === 'commit')) {
      const entryArg = args.findIndex((a) => a.startsWith('entries/'));
      expect(entryArg).toBeGreaterThan(args.indexOf('--'));
      expect(args.indexOf('--')).toBeGreaterThan(0);
    }
    expect(existsSync(PWN)).toBe(false);
    expect(remoteEntries(team.remote).files).toContain(writtenPath(result.stdout));
  });

  it.each([
    ['--as', ['update', '--done', 'x', '--as', '--upload-pack=touch /tmp/x'], /Unknown handle|handle/],
    ['--to', ['handoff', '--ask', 'x', '--to', '-c'], /handle/],
    ['ack id', ['ack', '--', '--upload-pack=touch'], /not an entry id/],
  ])('a %s that looks like an option is refused before git runs (exit 2)', async (_name, argv, message) => {
    team = await makeTeam([
      { handle: 'ana', tz: 'UTC' },
      { handle: 'bo', tz: 'UTC' },
    ]);
    const shim = withGitLog();
    const result = await team.bin('ana', argv, shim.env);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    for (const args of shim.calls()) for (const arg of args) expect(arg).not.toContain('upload-pack');
  });

  it('a remote URL turned into ext:: in .git/config runs nothing: the entry is committed, the push refused', async () => {
    team = await makeTeam([{ handle: 'ana', tz: 'UTC' }]);
    team.git('ana', ['remote', 'set-url', 'origin', `ext::sh -c touch% ${PWN}`]);
    const result = await team.bin('ana', ['update', '--done', 'x']);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/Committed locally, but git failed talking to the remote \(transport 'ext' not allowed\)/);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    const sync = await team.bin('ana', ['sync']);
    expect(sync.code).toBe(1);
    expect(sync.stderr).toMatch(/transport 'ext' not allowed/);
    expect(existsSync(PWN)).toBe(false);
  });
});
