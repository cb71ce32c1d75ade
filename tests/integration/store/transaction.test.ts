import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OperationError } from '../../../src/errors.js';
import { useGitEnvironment } from '../../../src/store/gitEnvironment.js';
import { readCloneState } from '../../../src/store/state.js';
import { recoverPending, runTransaction } from '../../../src/store/transaction.js';
import { findEnclosingRepo, type Workspace } from '../../../src/store/workspace.js';
import { makeSandbox, type Sandbox } from '../../helpers/cli.js';
import { gitIn } from '../../helpers/git.js';

/**
 * The one write transaction, against a real repository: what it commits, what it leaves when git
 * refuses the commit, and what the journal lets the next run recover.
 */
const author = { name: 'Ana', email: 'ana@example.com' };
const ENTRY = 'entries/2026/11/24/20261124T120000Z-ana-k3f9.md';
let box: Sandbox;
let ws: Workspace;
const git = (args: string[]) => gitIn(ws.root, args, box.env).trim();

beforeEach(async () => {
  box = makeSandbox();
  useGitEnvironment(box.env);
  const root = join(box.dir, 'ws');
  mkdirSync(join(root, 'members'), { recursive: true });
  gitIn(box.dir, ['init', '--quiet', '--initial-branch=main', 'ws'], box.env);
  writeFileSync(join(root, 'async.yaml'), 'team: T\n');
  writeFileSync(join(root, 'members', 'ana.yaml'), 'handle: ana\ntz: UTC\n');
  gitIn(root, ['add', '.'], box.env);
  gitIn(root, ['commit', '--quiet', '-m', 'start'], box.env);
  ws = (await findEnclosingRepo(root))!;
});

afterEach(() => {
  useGitEnvironment(process.env);
  box.cleanup();
});

const refusingHook = () => {
  const hook = join(ws.gitDir, 'hooks', 'pre-commit');
  writeFileSync(hook, '#!/bin/sh\necho "secret scanner: no" >&2\nexit 1\n');
  chmodSync(hook, 0o755);
  return hook;
};

describe('runTransaction', () => {
  it('writes, removes and commits exactly the changed files, in one commit, journal empty after', async () => {
    writeFileSync(join(ws.root, 'notes.txt'), 'mine, untracked\n');
    await runTransaction(ws, {
      changes: [
        { path: ENTRY, content: '---\nid: x\n---\n', create: true },
        { path: 'members/bob.yaml', content: 'handle: bob\n' },
        { path: 'members/ana.yaml', content: null },
      ],
      message: 'three changes',
      author,
    });
    expect(git(['log', '--format=%s'])).toBe('three changes\nstart');
    expect(git(['show', '--name-status', '--format=', 'HEAD']).split('\n').sort()).toEqual(
      ['A\tentries/2026/11/24/20261124T120000Z-ana-k3f9.md', 'A\tmembers/bob.yaml', 'D\tmembers/ana.yaml'].sort(),
    );
    expect(git(['status', '--porcelain'])).toBe('?? notes.txt');
    expect((await readCloneState(ws)).pending ?? []).toEqual([]);
  });

  it('refuses to replace an existing file marked create, writing nothing', async () => {
    mkdirSync(join(ws.root, 'entries/2026/11/24'), { recursive: true });
    writeFileSync(join(ws.root, ENTRY), 'already here\n');
    const tx = runTransaction(ws, {
      changes: [
        { path: 'members/bob.yaml', content: 'handle: bob\n' },
        { path: ENTRY, content: 'new\n', create: true },
      ],
      message: 'm',
      author,
    });
    await expect(tx).rejects.toThrow(/Refusing to overwrite .*it already exists/);
    expect(readFileSync(join(ws.root, ENTRY), 'utf8')).toBe('already here\n');
    expect(existsSync(join(ws.root, 'members/bob.yaml'))).toBe(false);
    expect(git(['log', '--format=%s'])).toBe('start');
  });

  it('refuses a path the tool never writes (a programming error, not a user one)', async () => {
    await expect(runTransaction(ws, { changes: [{ path: '.git/config', content: 'x' }], message: 'm', author })).rejects.toThrow(
      /not a workspace file/,
    );
    await expect(runTransaction(ws, { changes: [{ path: 'members/../x.yaml', content: 'x' }], message: 'm', author })).rejects.toThrow(
      /not a workspace file/,
    );
  });

  it('a refused commit puts a roster file back as it was and forgets its journal line', async () => {
    refusingHook();
    const tx = runTransaction(ws, {
      changes: [
        { path: 'members/ana.yaml', content: 'handle: ana\ntz: Asia/Tokyo\n' },
        { path: 'members/new.yaml', content: 'handle: new\n' },
      ],
      message: 'm',
      author,
    });
    const error = await tx.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OperationError);
    expect((error as OperationError).message).toMatch(/^Could not commit members\/ana\.yaml, members\/new\.yaml: .*secret scanner: no/);
    expect((error as OperationError).hint).toBe('Nothing was changed.');
    expect(readFileSync(join(ws.root, 'members/ana.yaml'), 'utf8')).toBe('handle: ana\ntz: UTC\n');
    expect(existsSync(join(ws.root, 'members/new.yaml'))).toBe(false);
    expect(git(['status', '--porcelain'])).toBe('');
    expect((await readCloneState(ws)).pending ?? []).toEqual([]);
  });

  it('a refused commit keeps an entry, journaled, and the next run commits it once git accepts', async () => {
    const hook = refusingHook();
    const error = await runTransaction(ws, {
      changes: [{ path: ENTRY, content: 'entry\n', create: true }],
      message: 'update: ana',
      author,
    }).catch((e: unknown) => e);
    expect((error as OperationError).message).toMatch(/^Wrote entries\/.*-ana-k3f9\.md but could not commit it/);
    expect(readFileSync(join(ws.root, ENTRY), 'utf8')).toBe('entry\n');
    expect((await readCloneState(ws)).pending).toEqual([ENTRY]);

    const blocked = await recoverPending(ws, author);
    expect(blocked.committed).toEqual([]);
    expect(blocked.problem).toMatch(/could not be committed: .*secret scanner: no/);
    expect((await readCloneState(ws)).pending).toEqual([ENTRY]);

    writeFileSync(hook, '#!/bin/sh\nexit 0\n');
    expect((await recoverPending(ws, author)).committed).toEqual([ENTRY]);
    expect(git(['log', '--format=%s', '--', ENTRY])).toBe('Recover 1 file(s) from an interrupted write');
    expect((await readCloneState(ws)).pending).toEqual([]);
  });

  it('a roster change killed before its commit is committed by the next run (the journal covers member files)', async () => {
    writeFileSync(join(ws.root, 'members/ana.yaml'), 'handle: ana\ntz: Asia/Tokyo\n');
    mkdirSync(join(ws.gitDir, 'async'), { recursive: true });
    writeFileSync(
      join(ws.gitDir, 'async', 'state.json'),
      JSON.stringify({ pending: ['members/ana.yaml', '.git/hooks/pre-commit', '../outside.md'] }),
    );
    const recovered = await recoverPending(ws, author);
    expect(recovered.committed).toEqual(['members/ana.yaml']);
    expect(git(['show', '--name-only', '--format=', 'HEAD'])).toBe('members/ana.yaml');
    expect(git(['status', '--porcelain'])).toBe('');
  });
});
