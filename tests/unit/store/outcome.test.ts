import { describe, expect, it } from 'vitest';
import { classifyFetch, classifyPush, firstMeaningfulLine, isMissingRemoteBranch, type RemoteOutcome } from '../../../src/store/outcome.js';
import { GIT_2_39 } from './gitOutput.js';

const captured = (name: string) => {
  const result = GIT_2_39[name];
  if (!result) throw new Error(`no capture named ${name}`);
  return { ...result, stdout: '' };
};
const APPEAR = (path: string) => `'${path}' does not appear to be a git repository`;

describe('classifyPush: what git 2.39 printed, read once', () => {
  it.each<[string, RemoteOutcome]>([
    ['push-fetch-first', { kind: 'raced' }],
    ['push-non-fast-forward', { kind: 'raced' }],
    // Another receive-pack holding or moving the ref: a race, not a refusal.
    ['push-ref-locked', { kind: 'locked', where: 'remote', path: '/tmp/cap/r.git/refs/heads/main.lock' }],
    ['push-ref-moved-meanwhile', { kind: 'raced' }],
    [
      'push-pre-receive',
      {
        kind: 'refused',
        reason: 'pre-receive hook declined',
        remoteLines: ['secret scanner: AWS key in entries/2026/11/24/x.md', 'push blocked by policy'],
      },
    ],
    [
      'push-protected-github-style',
      {
        kind: 'refused',
        reason: 'pre-receive hook declined',
        remoteLines: [
          'error: GH006: Protected branch update failed for refs/heads/main.',
          'error: Changes must be made through a pull request.',
        ],
      },
    ],
    ['push-pre-receive-silent', { kind: 'refused', reason: 'pre-receive hook declined', remoteLines: [] }],
    [
      'push-update-hook',
      {
        kind: 'refused',
        reason: 'hook declined',
        remoteLines: ['branch main is frozen', 'error: hook declined to update refs/heads/main'],
      },
    ],
    // A hook may write to stderr on a push that went through.
    ['push-hook-stderr-on-success', { kind: 'ok' }],
    ['push-hung-up', { kind: 'unreachable', detail: 'send-pack: unexpected disconnect while reading sideband packet' }],
    ['push-missing-path', { kind: 'unreachable', detail: APPEAR('/tmp/cap/no/such.git') }],
    ['push-missing-file-url', { kind: 'unreachable', detail: APPEAR('/tmp/cap/no/such.git') }],
    ['push-path-is-plain-dir', { kind: 'unreachable', detail: APPEAR('/tmp/cap/plain-dir') }],
    // git says the same for a folder we may not read as for one that is not there (see outcome.ts).
    ['push-path-no-read-permission', { kind: 'unreachable', detail: APPEAR('/tmp/cap/readonly.git') }],
    ['push-path-no-write-permission', { kind: 'denied', detail: 'remote unpack failed: unable to create temporary object directory' }],
    ['push-path-is-file', { kind: 'failed', detail: 'invalid gitfile format: /tmp/cap/plain-file' }],
    ['push-ssh-publickey', { kind: 'denied', detail: 'git@git.example.com: Permission denied (publickey).' }],
    ['push-scp-publickey', { kind: 'denied', detail: 'Permission denied (publickey).' }],
    ['push-ssh-repo-not-found', { kind: 'denied', detail: 'Repository not found.' }],
    [
      'push-ssh-gitlab-not-found',
      { kind: 'denied', detail: "The project you were looking for could not be found or you don't have permission to view it." },
    ],
    ['push-ssh-resolve', { kind: 'unreachable', detail: 'ssh: Could not resolve hostname git.example.com: Name or service not known' }],
    ['push-ssh-refused', { kind: 'unreachable', detail: 'ssh: connect to host git.example.com port 22: Connection refused' }],
    ['push-ssh-timeout', { kind: 'unreachable', detail: 'ssh: connect to host git.example.com port 22: Connection timed out' }],
    ['push-ssh-no-route', { kind: 'unreachable', detail: 'ssh: connect to host git.example.com port 22: No route to host' }],
    ['push-ssh-net-unreachable', { kind: 'unreachable', detail: 'ssh: connect to host git.example.com port 22: Network is unreachable' }],
    ['push-ssh-reset', { kind: 'unreachable', detail: 'kex_exchange_identification: read: Connection reset by peer' }],
    // A host key that changed is not the network and not our credentials: git's line, exit 1.
    ['push-ssh-host-key', { kind: 'failed', detail: 'Host key verification failed.' }],
    ['push-http-401', { kind: 'denied', detail: "could not read Username for 'http://127.0.0.1:PORT': terminal prompts disabled" }],
    ['push-http-401-with-credentials', { kind: 'denied', detail: "Authentication failed for 'http://127.0.0.1:PORT/401/team/async.git/'" }],
    [
      'push-http-403',
      { kind: 'denied', detail: "unable to access 'http://127.0.0.1:PORT/403/team/async.git/': The requested URL returned error: 403" },
    ],
    // Hosts answer 404 for a private repository you may not see.
    ['push-http-404', { kind: 'denied', detail: "repository 'http://127.0.0.1:PORT/404/team/async.git/' not found" }],
    [
      'push-http-500',
      { kind: 'failed', detail: "unable to access 'http://127.0.0.1:PORT/500/team/async.git/': The requested URL returned error: 500" },
    ],
    // A gateway answering for a host that is down: it clears by itself, like the network.
    [
      'push-http-502',
      {
        kind: 'unreachable',
        detail: "unable to access 'http://127.0.0.1:PORT/502/team/async.git/': The requested URL returned error: 502",
      },
    ],
    [
      'push-http-503',
      {
        kind: 'unreachable',
        detail: "unable to access 'http://127.0.0.1:PORT/503/team/async.git/': The requested URL returned error: 503",
      },
    ],
    [
      'push-http-504',
      {
        kind: 'unreachable',
        detail: "unable to access 'http://127.0.0.1:PORT/504/team/async.git/': The requested URL returned error: 504",
      },
    ],
    [
      'push-http-closed-port',
      {
        kind: 'unreachable',
        detail:
          "unable to access 'http://127.0.0.1:CLOSED/team/async.git/': Failed to connect to 127.0.0.1 port CLOSED after 0 ms: Couldn't connect to server",
      },
    ],
    [
      'push-http-unresolvable',
      { kind: 'unreachable', detail: "unable to access 'http://git.invalid/team/async.git/': Could not resolve host: git.invalid" },
    ],
  ])('%s', (name, expected) => {
    expect(classifyPush(captured(name))).toEqual(expected);
  });

  it('quotes every line the host wrote, without its padding (the printer caps them)', () => {
    const outcome = classifyPush(captured('push-checked-out-branch'));
    expect(outcome).toMatchObject({ kind: 'refused', reason: 'branch is currently checked out' });
    const lines = (outcome as Extract<RemoteOutcome, { kind: 'refused' }>).remoteLines;
    expect(lines[0]).toBe('error: refusing to update checked out branch: refs/heads/main');
    expect(lines).toHaveLength(12);
    expect(lines.every((line) => line === line.trim() && line !== '')).toBe(true);
  });

  it.each<[string, string, RemoteOutcome]>([
    ['a reason-less refusal', ' ! [remote rejected] HEAD -> main ()\n', { kind: 'refused', reason: 'no reason given', remoteLines: [] }],
    [
      'a protected branch (GitLab)',
      'remote: GitLab: You are not allowed to push code to protected branches on this project.\n ! [remote rejected] main -> main (pre-receive hook declined)\n',
      {
        kind: 'refused',
        reason: 'pre-receive hook declined',
        remoteLines: ['GitLab: You are not allowed to push code to protected branches on this project.'],
      },
    ],
    [
      'a refusing hook that mentions permissions is still the hook',
      'remote: Permission denied to push to main\n ! [remote rejected] main -> main (pre-receive hook declined)\n',
      { kind: 'refused', reason: 'pre-receive hook declined', remoteLines: ['Permission denied to push to main'] },
    ],
    ['force-with-lease lost', ' ! [rejected]        main -> main (stale info)\n', { kind: 'raced' }],
    [
      'a tag that exists is not a race',
      ' ! [rejected]        v1 -> v1 (already exists)\n',
      { kind: 'failed', detail: '! [rejected]        v1 -> v1 (already exists)' },
    ],
    [
      'CRLF output',
      "fatal: unable to access 'https://h/x/': Could not resolve host: h\r\n",
      { kind: 'unreachable', detail: "unable to access 'https://h/x/': Could not resolve host: h" },
    ],
    ['silence', '', { kind: 'failed', detail: 'no reason given' }],
    [
      'an ssh that only fails',
      'fatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.\n',
      { kind: 'failed', detail: 'Could not read from remote repository.' },
    ],
  ])('%s', (_name, stderr, expected) => {
    expect(classifyPush({ code: 128, stdout: '', stderr })).toEqual(expected);
  });

  it('reads stdout when stderr is empty, and exit 0 is ok whatever was printed', () => {
    expect(classifyPush({ code: 128, stdout: 'fatal: Authentication failed for x\n', stderr: '' })).toEqual({
      kind: 'denied',
      detail: 'Authentication failed for x',
    });
    expect(classifyPush({ code: 0, stdout: '', stderr: 'fatal: Authentication failed' })).toEqual({ kind: 'ok' });
  });
});

describe('classifyFetch', () => {
  it.each<[string, RemoteOutcome]>([
    // Nobody pushed the branch yet: nothing to bring in.
    ['fetch-empty', { kind: 'ok' }],
    ['fetch-missing-path', { kind: 'unreachable', detail: APPEAR('/tmp/cap/no/such.git') }],
    ['fetch-path-no-read-permission', { kind: 'unreachable', detail: APPEAR('/tmp/cap/readonly.git') }],
    ['fetch-path-is-file', { kind: 'failed', detail: 'invalid gitfile format: /tmp/cap/plain-file' }],
    ['fetch-path-dubious-ownership', { kind: 'failed', detail: "detected dubious ownership in repository at '/tmp/cap/readonly.git'" }],
    ['fetch-ssh-publickey', { kind: 'denied', detail: 'git@git.example.com: Permission denied (publickey).' }],
    ['fetch-ssh-repo-not-found', { kind: 'denied', detail: 'Repository not found.' }],
    [
      'fetch-ssh-gitlab-not-found',
      { kind: 'denied', detail: "The project you were looking for could not be found or you don't have permission to view it." },
    ],
    ['fetch-ssh-refused', { kind: 'unreachable', detail: 'ssh: connect to host git.example.com port 22: Connection refused' }],
    ['fetch-ssh-host-key', { kind: 'failed', detail: 'Host key verification failed.' }],
    ['fetch-http-401', { kind: 'denied', detail: "could not read Username for 'http://127.0.0.1:PORT': terminal prompts disabled" }],
    [
      'fetch-http-403',
      { kind: 'denied', detail: "unable to access 'http://127.0.0.1:PORT/403/team/async.git/': The requested URL returned error: 403" },
    ],
    ['fetch-http-404', { kind: 'denied', detail: "repository 'http://127.0.0.1:PORT/404/team/async.git/' not found" }],
    [
      'fetch-http-500',
      { kind: 'failed', detail: "unable to access 'http://127.0.0.1:PORT/500/team/async.git/': The requested URL returned error: 500" },
    ],
    [
      'fetch-http-503',
      {
        kind: 'unreachable',
        detail: "unable to access 'http://127.0.0.1:PORT/503/team/async.git/': The requested URL returned error: 503",
      },
    ],
    [
      'fetch-http-closed-port',
      {
        kind: 'unreachable',
        detail:
          "unable to access 'http://127.0.0.1:CLOSED/team/async.git/': Failed to connect to 127.0.0.1 port CLOSED after 0 ms: Couldn't connect to server",
      },
    ],
  ])('%s', (name, expected) => {
    expect(classifyFetch(captured(name))).toEqual(expected);
  });

  it('never calls a fetch raced or refused: those are push answers', () => {
    for (const name of Object.keys(GIT_2_39).filter((key) => key.startsWith('fetch-'))) {
      expect(['raced', 'refused']).not.toContain(classifyFetch(captured(name)).kind);
    }
  });

  it('tells an empty remote from a fetched one', () => {
    expect(isMissingRemoteBranch(captured('fetch-empty'))).toBe(true);
    expect(isMissingRemoteBranch({ code: 0, stdout: '', stderr: '' })).toBe(false);
    expect(isMissingRemoteBranch(captured('fetch-missing-path'))).toBe(false);
  });
});

describe('firstMeaningfulLine', () => {
  it.each([
    ['error: x\nhint: do y\n', 'x'],
    ['hint: only a hint\nfatal: the reason\n', 'the reason'],
    [
      'To /srv/r.git\n ! [remote failure] main -> main (remote failed to report status)\n',
      '! [remote failure] main -> main (remote failed to report status)',
    ],
    ['\n\n', 'no reason given'],
  ])('%j', (text, line) => {
    expect(firstMeaningfulLine(text)).toBe(line);
  });
});
