import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { script } from '../../helpers/shell.js';
import { makeTeam, remoteEntries, type Team } from '../../helpers/team.js';

/**
 * Issue 10 item 3 / issue 11 item 6: each way a remote can fail, with the built binary and real
 * git. Expected: only an unreachable remote lets a write exit 0; refused access, a refusing host
 * and a failing server exit 1 with one line saying what happened and that the entry is committed
 * locally; `async sync` fails with the same diagnosis; once the fault is gone, one sync pushes
 * the entry, exactly once.
 */
let team: Team | undefined;
afterEach(() => {
  team?.cleanup();
  team = undefined;
});

/** One loopback server answering every request with the status its path starts with (/403/…). */
let server: Server;
let port = 0;
let closedPort = 0;
beforeAll(async () => {
  server = createServer((req, res) => {
    const status = Number(/^\/(\d{3})\//.exec(req.url ?? '')?.[1] ?? 404);
    res.writeHead(status, status === 401 ? { 'WWW-Authenticate': 'Basic realm="git"' } : {});
    res.end(`status ${status}\n`);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  // A port that was just free: nothing listens on it, so connecting is refused at once.
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  closedPort = (probe.address() as AddressInfo).port;
  await new Promise((resolve) => probe.close(resolve));
});
afterAll(() => new Promise((resolve) => server.close(resolve)));

interface Fault {
  /** Breaks ana's way to the remote; returns extra environment for the binary. */
  apply(team: Team): Record<string, string>;
  /** Mends it again. */
  remove(team: Team): void;
}

const pointOriginAt = (url: string): Fault => ({
  apply: (t) => {
    t.git('ana', ['remote', 'set-url', 'origin', url]);
    return {};
  },
  remove: (t) => t.git('ana', ['remote', 'set-url', 'origin', t.remote]),
});

const faults: Record<string, () => Fault> = {
  'ssh with a revoked key': () => ({
    apply: (t) => {
      t.git('ana', ['remote', 'set-url', 'origin', 'ssh://git@git.example.invalid/team/async.git']);
      const ssh = script(t.box.dir, 'fake-ssh', 'echo "git@git.example.invalid: Permission denied (publickey)." >&2\nexit 255');
      return { GIT_SSH_COMMAND: ssh };
    },
    remove: (t) => t.git('ana', ['remote', 'set-url', 'origin', t.remote]),
  }),
  'an https host answering 403': () => pointOriginAt(`http://127.0.0.1:${port}/403/team/async.git`),
  'a pre-receive hook refusing': () => ({
    apply: (t) => {
      script(join(t.remote, 'hooks'), 'pre-receive', 'echo "secret scanner: AWS key in entries/2026/11/24/x.md" >&2\nexit 1');
      return {};
    },
    remove: (t) => rmSync(join(t.remote, 'hooks', 'pre-receive')),
  }),
  'a closed port': () => pointOriginAt(`http://127.0.0.1:${closedPort}/team/async.git`),
  'a path that does not exist (a share not mounted)': () => pointOriginAt('/nonexistent/share/team.git'),
  'an https host answering 500': () => pointOriginAt(`http://127.0.0.1:${port}/500/team/async.git`),
};

/** The fault, then what `update` and `sync` must say while it lasts. */
const rows: Array<[string, 0 | 1, RegExp, RegExp]> = [
  [
    'ssh with a revoked key',
    1,
    /^async: Wrote entries\/\S+\.md\. Committed locally, but the remote refused access \(git@git\.example\.invalid: Permission denied \(publickey\)\)\. Check your credentials or ssh key and your access to the repository; 'async sync' pushes it once access works\.$/,
    /^async: The remote refused access \(git@git\.example\.invalid: Permission denied \(publickey\)\); your commits are kept locally\. Check your credentials or ssh key/,
  ],
  [
    'an https host answering 403',
    1,
    /^async: Wrote entries\/\S+\.md\. Committed locally, but the remote refused access \(unable to access 'http:\/\/127\.0\.0\.1:\d+\/403\/team\/async\.git\/': The requested URL returned error: 403\)\. Check your credentials/,
    /^async: The remote refused access \(.*returned error: 403\); your commits are kept locally\./,
  ],
  [
    'a pre-receive hook refusing',
    1,
    /^async: Wrote entries\/\S+\.md\. Committed locally, but the remote refused the push \(pre-receive hook declined\): secret scanner: AWS key in entries\/2026\/11\/24\/x\.md\. Retrying will not help: ask whoever runs the remote, or fix what it objects to, then run 'async sync'\.$/,
    /^async: The remote refused the push \(pre-receive hook declined\): secret scanner: AWS key in entries\/2026\/11\/24\/x\.md; your commits are kept locally\./,
  ],
  [
    'a closed port',
    0,
    /^Wrote entries\/\S+\.md\. Committed locally; the remote is unreachable \(unable to access 'http:\/\/127\.0\.0\.1:\d+\/team\/async\.git\/': Failed to connect to .*\), so the next 'async sync', update, handoff or catchup pushes it\.$/,
    /^async: Could not reach the remote \(unable to access .*Failed to connect to .*\); your commits are kept locally\. Check your network/,
  ],
  [
    'a path that does not exist (a share not mounted)',
    0,
    /^Wrote entries\/\S+\.md\. Committed locally; the remote is unreachable \('\/nonexistent\/share\/team\.git' does not appear to be a git repository\), so the next 'async sync'/,
    /^async: Could not reach the remote \('\/nonexistent\/share\/team\.git' does not appear to be a git repository\); your commits are kept locally\./,
  ],
  [
    'an https host answering 500',
    1,
    /^async: Wrote entries\/\S+\.md\. Committed locally, but git failed talking to the remote \(unable to access '.*': The requested URL returned error: 500\)\. Fix the cause, then run 'async sync'; nothing is lost\.$/,
    /^async: Git failed talking to the remote \(.*returned error: 500\); your commits are kept locally\./,
  ],
];

describe('a write and a sync against a failing remote', () => {
  it.each(rows)('%s', async (name, exit, updateSays, syncSays) => {
    team = await makeTeam([
      { handle: 'ana', tz: 'America/Sao_Paulo' },
      { handle: 'bo', tz: 'Europe/Berlin' },
    ]);
    const t = team;
    const fault = faults[name]!();
    const env = fault.apply(t);
    const before = t.git('ana', ['rev-parse', 'HEAD']).trim();

    const started = Date.now();
    const update = await t.bin('ana', ['update', '--done', 'x'], env);
    expect(Date.now() - started, 'no retry loop on a fault retrying cannot fix').toBeLessThan(10_000);
    expect(update.code, update.stderr).toBe(exit);
    // One line, on stdout when the write succeeded, on stderr when it failed.
    const said = exit === 0 ? update.stdout : update.stderr;
    expect(said.trimEnd().split('\n')).toHaveLength(1);
    expect(said.trimEnd()).toMatch(updateSays);
    expect(exit === 0 ? update.stderr : update.stdout).toBe('');

    // Committed locally, exactly once, and not on the remote.
    const path = /Wrote (entries\/\S+\.md)/.exec(said)![1]!;
    expect(t.git('ana', ['rev-list', '--count', `${before}..HEAD`]).trim()).toBe('1');
    expect(t.git('ana', ['log', '--format=%s', '-1'])).toMatch(/^update: ana/);
    expect(t.git('ana', ['ls-files', '--', path]).trim()).toBe(path);
    expect(t.git('ana', ['status', '--porcelain'])).toBe('');
    expect(remoteEntries(t.remote).files).toEqual([]);

    const sync = await t.bin('ana', ['sync'], env);
    expect(sync.code).toBe(1);
    expect(sync.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(sync.stderr.trimEnd()).toMatch(syncSays);
    expect(t.git('ana', ['rev-list', '--count', `${before}..HEAD`]).trim()).toBe('1');

    fault.remove(t);
    const healed = await t.bin('ana', ['sync']);
    expect(healed.code, healed.stderr).toBe(0);
    expect(remoteEntries(t.remote).additions.get(path)).toBe(1);
    expect(remoteEntries(t.remote).files).toEqual([path]);
    expect(t.git('ana', ['rev-parse', 'HEAD'])).toBe(t.git('ana', ['rev-parse', 'origin/main']));
  });
});

describe('a read that pulls first', () => {
  it('catchup with refused access warns, names the cause, and shows what the clone has (exit 0)', async () => {
    team = await makeTeam([
      { handle: 'ana', tz: 'America/Sao_Paulo' },
      { handle: 'bo', tz: 'Europe/Berlin' },
    ]);
    const env = faults['ssh with a revoked key']!().apply(team);
    const result = await team.bin('ana', ['catchup', '--peek', '--json'], env);
    expect(result.code, result.stderr).toBe(0);
    expect(JSON.parse(result.stdout).warnings).toEqual([
      'Could not pull: the remote refused access (git@git.example.invalid: Permission denied (publickey)): showing what this clone already has. Check your credentials or ssh key and your access to the repository.',
    ]);
  });
});
