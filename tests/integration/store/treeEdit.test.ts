import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  editTrees,
  foldersToRewrite,
  mktreeInput,
  parseStaged,
  parseTree,
  parseTreeAnswers,
  serializeTree,
  type PathChange,
  type Tree,
} from '../../../src/store/treeEdit.js';
import { makeSandbox, type Sandbox } from '../../helpers/cli.js';

// The trees of a member's clone's commits are built from HEAD's trees (store/treeEdit.ts): each
// case here is checked against git itself, which builds the same commit through a throwaway index.
let box: Sandbox;
let repo: string;
beforeEach(() => {
  box = makeSandbox();
  repo = join(box.dir, 'repo');
  mkdirSync(repo);
  git(['init', '--quiet', '--initial-branch=main']);
  const files: Record<string, string> = {
    'async.yaml': 'team: T\n',
    'members/alice.yaml': 'handle: alice\n',
    'entries/2026/11/24/a.md': 'a\n',
    'entries/2026/11/24/b.md': 'b\n',
    'entries/2026/11/25/c.md': 'c\n',
    // git's order puts `foo.md` before the folder `foo` (`.` < `/`) and `foo0` after it.
    'entries/2026/11/foo.md': 'x\n',
    'entries/2026/11/foo/d.md': 'd\n',
    'entries/2026/11/foo0': 'y\n',
  };
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(join(repo, dirname(path)), { recursive: true });
    writeFileSync(join(repo, path), content);
  }
  // A name that is not UTF-8, as anyone may push one: it must survive a rewrite of its folder.
  const odd = Buffer.concat([Buffer.from(join(repo, 'entries/2026/11/24/')), Buffer.from([0xff, 0x2e, 0x6d, 0x64])]);
  writeFileSync(odd, 'odd\n');
  git(['add', '-A']);
  git(['commit', '--quiet', '-m', 'start']);
});
afterEach(() => box.cleanup());

function git(args: string[], input?: string | Buffer, env: Record<string, string> = {}): string {
  return execFileSync('git', args, { cwd: repo, env: { ...(box.env as NodeJS.ProcessEnv), ...env }, input, encoding: 'latin1' });
}

function blob(content: string): string {
  return git(['hash-object', '-w', '--stdin'], content).trim();
}

/** HEAD's tree with the changes, as git builds it: a throwaway index, update-index, write-tree. */
function gitsTree(changes: readonly PathChange[]): string {
  const env = { GIT_INDEX_FILE: join(box.dir, 'reference-index') };
  git(['read-tree', 'HEAD'], undefined, env);
  for (const { path, entry } of changes) {
    if (entry) git(['update-index', '--add', '--cacheinfo', `${entry.mode},${entry.id},${path}`], undefined, env);
    else git(['update-index', '--force-remove', '--', path], undefined, env);
  }
  return git(['write-tree'], undefined, env).trim();
}

function currentTrees(folders: readonly string[]): Map<string, Tree> {
  const head = git(['rev-parse', 'HEAD']).trim();
  const out = execFileSync('git', ['cat-file', '--batch'], {
    cwd: repo,
    env: box.env as NodeJS.ProcessEnv,
    input: `${folders.map((folder) => `${head}:${folder}`).join('\n')}\n`,
  });
  return parseTreeAnswers(out, folders, 'sha1')!;
}

describe('building a commit tree from HEAD without the index', () => {
  const cases: { name: string; changes: () => PathChange[] }[] = [
    {
      name: 'a new entry in an existing day folder',
      changes: () => [{ path: 'entries/2026/11/24/new.md', entry: { mode: '100644', id: blob('n\n') } }],
    },
    { name: 'a new day folder', changes: () => [{ path: 'entries/2026/11/26/new.md', entry: { mode: '100644', id: blob('n\n') } }] },
    { name: 'a new year and month', changes: () => [{ path: 'entries/2027/01/02/new.md', entry: { mode: '100644', id: blob('n\n') } }] },
    { name: 'a replaced file at the root', changes: () => [{ path: 'async.yaml', entry: { mode: '100644', id: blob('team: U\n') } }] },
    { name: 'an executable file', changes: () => [{ path: 'members/bob.yaml', entry: { mode: '100755', id: blob('handle: bob\n') } }] },
    { name: 'a removed file', changes: () => [{ path: 'entries/2026/11/24/a.md', entry: null }] },
    { name: 'the last file of a folder removed, the folder with it', changes: () => [{ path: 'entries/2026/11/25/c.md', entry: null }] },
    {
      name: 'next to a file and a folder that sort around each other',
      changes: () => [{ path: 'entries/2026/11/foo/e.md', entry: { mode: '100644', id: blob('e\n') } }],
    },
    {
      name: 'several paths in several folders at once',
      changes: () => [
        { path: 'members/carol.yaml', entry: { mode: '100644', id: blob('handle: carol\n') } },
        { path: 'entries/2026/11/24/b.md', entry: null },
        { path: 'entries/2026/11/25/new.md', entry: { mode: '100644', id: blob('m\n') } },
      ],
    },
  ];
  it.each(cases)('$name: the same tree as git builds', ({ changes }) => {
    const planned = changes();
    const folders = foldersToRewrite(planned.map((change) => change.path));
    const trees = editTrees(currentTrees(folders), planned, 'sha1');
    expect(trees.at(-1)!.folder).toBe('');
    expect(trees.at(-1)!.id).toBe(gitsTree(planned));
    // git agrees on every tree written, not only the root, and writes them under these ids.
    const made = git(['mktree', '-z', '--missing', '--batch'], mktreeInput(trees)).trim().split('\n');
    expect(made).toEqual(trees.map((tree) => tree.id));
    expect(git(['cat-file', '-t', trees.at(-1)!.id]).trim()).toBe('tree');
  });

  it('writes a tree byte for byte as git stores it, the name that is not UTF-8 included', () => {
    for (const folder of ['', 'entries/2026/11', 'entries/2026/11/24']) {
      const raw = execFileSync('git', ['cat-file', 'tree', `HEAD:${folder}`], { cwd: repo, env: box.env as NodeJS.ProcessEnv });
      expect(serializeTree(parseTree(raw, 'sha1'), 'sha1').equals(raw)).toBe(true);
    }
  });

  it('refuses a file where a folder is, and a folder where a file is', () => {
    const id = blob('z\n');
    const asFolder = [{ path: 'async.yaml/x.md', entry: { mode: '100644', id } }];
    expect(() =>
      editTrees(currentTrees(foldersToRewrite(['async.yaml/x.md']).filter((f) => f !== 'async.yaml')), asFolder, 'sha1'),
    ).toThrow(/file in HEAD/);
    expect(parseTreeAnswers(Buffer.from(`${'0'.repeat(40)} blob 3\nab\n\n`), ['async.yaml'], 'sha1')).toBeUndefined();
    const asFile = [{ path: 'entries/2026/11/foo', entry: { mode: '100644', id } }];
    expect(() => editTrees(currentTrees(foldersToRewrite(['entries/2026/11/foo'])), asFile, 'sha1')).toThrow(/folder in HEAD/);
  });

  it('reads the staged blobs, and gives up on a path mid-merge', () => {
    const id = blob('s\n');
    const record = (stage: number) => Buffer.from(`100644 ${id} ${stage}\tentries/2026/11/24/s.md\0`);
    expect(parseStaged(record(0))).toEqual(new Map([['entries/2026/11/24/s.md', { mode: '100644', id }]]));
    expect(parseStaged(record(2))).toBeUndefined();
    expect(parseStaged(Buffer.alloc(0))).toEqual(new Map());
  });
});
