import { describe, expect, it } from 'vitest';
import type { RemoteOutcome } from '../../../src/store/outcome.js';
import { outcomeProblem, QUOTED_REMOTE_LINES, type RemoteSituation } from '../../../src/store/outcomeProblem.js';

const denied: RemoteOutcome = { kind: 'denied', detail: 'git@host: Permission denied (publickey).' };
const unreachable: RemoteOutcome = { kind: 'unreachable', detail: "unable to access 'http://h/x/': Could not resolve host: h" };
const refused: RemoteOutcome = {
  kind: 'refused',
  reason: 'pre-receive hook declined',
  remoteLines: ['secret scanner: AWS key in entries/2026/11/24/x.md', 'push blocked by policy'],
};
const failed: RemoteOutcome = { kind: 'failed', detail: "unable to access 'http://h/x/': The requested URL returned error: 500" };
const raced: RemoteOutcome = { kind: 'raced' };

describe('outcomeProblem: what the user is told, and the exit code', () => {
  it.each<[RemoteSituation, RemoteOutcome, 0 | 1, string, string]>([
    [
      'write',
      unreachable,
      0,
      "Committed locally; the remote is unreachable (unable to access 'http://h/x/': Could not resolve host: h), so the next 'async sync', update, handoff or catchup pushes it.",
      '',
    ],
    [
      'write',
      { kind: 'no-remote' },
      0,
      "Committed locally; this workspace has no remote yet (git remote add origin URL, then 'async sync').",
      '',
    ],
    [
      'write',
      denied,
      1,
      'Committed locally, but the remote refused access (git@host: Permission denied (publickey)).',
      "Check your credentials or ssh key and your access to the repository; 'async sync' pushes it once access works.",
    ],
    [
      'write',
      refused,
      1,
      'Committed locally, but the remote refused the push (pre-receive hook declined): secret scanner: AWS key in entries/2026/11/24/x.md / push blocked by policy.',
      "Retrying will not help: ask whoever runs the remote, or fix what it objects to, then run 'async sync'.",
    ],
    [
      'write',
      failed,
      1,
      "Committed locally, but git failed talking to the remote (unable to access 'http://h/x/': The requested URL returned error: 500).",
      "Fix the cause, then run 'async sync'; nothing is lost.",
    ],
    [
      'write',
      raced,
      1,
      'Committed locally, but the remote kept rejecting the push: others kept pushing first.',
      "Run 'async sync' in a minute.",
    ],
    [
      'sync',
      unreachable,
      1,
      "Could not reach the remote (unable to access 'http://h/x/': Could not resolve host: h); your commits are kept locally.",
      'Check your network and the remote URL (git remote -v), then run async sync again.',
    ],
    [
      'sync',
      { kind: 'no-remote' },
      1,
      'This workspace has no remote to sync with.',
      "Add one with 'git remote add origin URL', then run 'async sync' again.",
    ],
    [
      'sync',
      denied,
      1,
      'The remote refused access (git@host: Permission denied (publickey)); your commits are kept locally.',
      "Check your credentials or ssh key and your access to the repository; 'async sync' pushes it once access works.",
    ],
    [
      'sync',
      refused,
      1,
      'The remote refused the push (pre-receive hook declined): secret scanner: AWS key in entries/2026/11/24/x.md / push blocked by policy; your commits are kept locally.',
      "Retrying will not help: ask whoever runs the remote, or fix what it objects to, then run 'async sync'.",
    ],
    [
      'sync',
      failed,
      1,
      "Git failed talking to the remote (unable to access 'http://h/x/': The requested URL returned error: 500); your commits are kept locally.",
      "Fix the cause, then run 'async sync'; nothing is lost.",
    ],
    [
      'sync',
      raced,
      1,
      'The remote kept rejecting the push: others kept pushing first; your commits are kept locally.',
      "Run 'async sync' in a minute.",
    ],
    ['read', unreachable, 0, "Could not reach the remote (unable to access 'http://h/x/': Could not resolve host: h).", ''],
    [
      'read',
      denied,
      0,
      'Could not pull: the remote refused access (git@host: Permission denied (publickey)).',
      'Check your credentials or ssh key and your access to the repository.',
    ],
    [
      'read',
      failed,
      0,
      "Could not pull: git failed talking to the remote (unable to access 'http://h/x/': The requested URL returned error: 500).",
      '',
    ],
  ])('%s, %j', (situation, outcome, exit, message, hint) => {
    expect(outcomeProblem(outcome, situation)).toEqual({ exit, message, hint });
  });

  it('has nothing to say about ok, nor about a read in a clone without a remote', () => {
    for (const situation of ['write', 'sync', 'read'] as const) expect(outcomeProblem({ kind: 'ok' }, situation)).toBeUndefined();
    expect(outcomeProblem({ kind: 'no-remote' }, 'read')).toBeUndefined();
  });

  it('only an unreachable remote (or none) lets a write succeed; a read never fails', () => {
    const all: RemoteOutcome[] = [denied, unreachable, refused, failed, raced, { kind: 'no-remote' }];
    expect(all.filter((outcome) => outcomeProblem(outcome, 'write')?.exit === 0).map((o) => o.kind)).toEqual(['unreachable', 'no-remote']);
    expect(all.every((outcome) => outcomeProblem(outcome, 'sync')?.exit === 1)).toBe(true);
    expect(all.every((outcome) => (outcomeProblem(outcome, 'read')?.exit ?? 0) === 0)).toBe(true);
  });

  it(`quotes at most ${QUOTED_REMOTE_LINES} of the host's lines, on one line`, () => {
    const chatty: RemoteOutcome = {
      kind: 'refused',
      reason: 'branch is currently checked out',
      remoteLines: Array.from({ length: 12 }, (_, i) => `line ${i + 1}\twith  gaps`),
    };
    const { message } = outcomeProblem(chatty, 'write')!;
    expect(message).toBe(
      'Committed locally, but the remote refused the push (branch is currently checked out): line 1 with gaps / line 2 with gaps / line 3 with gaps / line 4 with gaps / line 5 with gaps / (7 more lines).',
    );
    expect(message).not.toMatch(/\n/);
  });

  it('ends on one full stop when the host ends its line with one', () => {
    const github: RemoteOutcome = {
      kind: 'refused',
      reason: 'pre-receive hook declined',
      remoteLines: [
        'error: GH006: Protected branch update failed for refs/heads/main.',
        'error: Changes must be made through a pull request.',
      ],
    };
    expect(outcomeProblem(github, 'write')!.message).toMatch(/pull request\.$/);
    expect(outcomeProblem(github, 'sync')!.message).toMatch(/pull request; your commits are kept locally\.$/);
  });

  it('names no reason rather than printing empty parentheses', () => {
    expect(outcomeProblem({ kind: 'failed', detail: ' ' }, 'write')!.message).toBe(
      'Committed locally, but git failed talking to the remote (no reason given).',
    );
  });

  it.each([
    [
      'a stale lock in the remote',
      { kind: 'locked', where: 'remote', path: '/srv/team.git/refs/heads/main.lock' },
      "Committed locally, but the remote's branch is locked (/srv/team.git/refs/heads/main.lock exists: a push that was killed on the server left it, or one is stuck).",
      /whoever runs the remote removes \/srv\/team\.git\/refs\/heads\/main\.lock/,
    ],
    [
      'a stale lock in this clone',
      { kind: 'locked', where: 'local', path: '/home/ana/ws/.git/refs/remotes/origin/main.lock' },
      'Committed locally, but a lock file in this clone stops git updating its branch (/home/ana/ws/.git/refs/remotes/origin/main.lock exists).',
      /If no git is running in this clone, remove \/home\/ana/,
    ],
  ] as const)('%s: exit 1, named, with who clears it', (_name, outcome, message, hint) => {
    const problem = outcomeProblem(outcome as RemoteOutcome, 'write')!;
    expect(problem.exit).toBe(1);
    expect(problem.message).toBe(message);
    expect(problem.hint).toMatch(hint);
    expect(outcomeProblem(outcome as RemoteOutcome, 'sync')!.exit).toBe(1);
  });
});
