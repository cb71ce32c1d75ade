import { createHash } from 'node:crypto';

/**
 * git's tree objects, read and written without an index: how a commit is made in a member's clone
 * (store/git.ts, commitByPlumbing), where `git write-tree` would first expand the sparse index to
 * every file of the history and `git commit` refreshes and rewrites the index of every checked-out
 * file. An entry changes a handful of paths, so only the trees on their way to the root are built.
 *
 * The object format is git's own (its source: tree-walk.c reads it, fsck.c checks the order):
 * `<mode> <name>\0<raw id>` per entry, in byte order of the names, where a folder sorts as if its
 * name ended in `/`. Names are kept as bytes (latin1 strings): a name that is not UTF-8, which
 * anyone may push, must come out of a rewritten tree exactly as it went in.
 */

export interface TreeEntry {
  /** Octal, as git writes it in a tree: `100644`, `100755`, `120000`, `40000`, `160000`. */
  mode: string;
  /** Hexadecimal object id. */
  id: string;
}

export type Tree = Map<string, TreeEntry>;

/** A path's new content for the commit: the blob (from the index after `git add`), or `null` for removal. */
export interface PathChange {
  path: string;
  entry: TreeEntry | null;
}

export type ObjectFormat = 'sha1' | 'sha256';

const FOLDER_MODE = '40000';

export function objectFormatOf(id: string): ObjectFormat {
  return id.length === 64 ? 'sha256' : 'sha1';
}

function idBytes(format: ObjectFormat): number {
  return format === 'sha256' ? 32 : 20;
}

/** A raw tree object's body as git stores it. */
export function parseTree(body: Buffer, format: ObjectFormat): Tree {
  const tree: Tree = new Map();
  const size = idBytes(format);
  let at = 0;
  while (at < body.length) {
    const space = body.indexOf(0x20, at);
    const nul = body.indexOf(0, space + 1);
    if (space < 0 || nul < 0 || nul + 1 + size > body.length) throw new Error('malformed tree object');
    const mode = body.toString('latin1', at, space);
    const name = body.toString('latin1', space + 1, nul);
    tree.set(name, { mode, id: body.toString('hex', nul + 1, nul + 1 + size) });
    at = nul + 1 + size;
  }
  return tree;
}

/** git's order of a tree's entries: by bytes, a folder compared as `name/`. */
function sortKey(name: string, entry: TreeEntry): Buffer {
  return Buffer.from(entry.mode === FOLDER_MODE ? `${name}/` : name, 'latin1');
}

export function serializeTree(tree: Tree, format: ObjectFormat): Buffer {
  const sorted = [...tree].map(([name, entry]) => ({ name, entry, key: sortKey(name, entry) }));
  sorted.sort((a, b) => Buffer.compare(a.key, b.key));
  const parts: Buffer[] = [];
  for (const { name, entry } of sorted) {
    const id = Buffer.from(entry.id, 'hex');
    if (id.length !== idBytes(format)) throw new Error(`not an object id: ${entry.id}`);
    parts.push(Buffer.from(`${entry.mode} ${name}\0`, 'latin1'), id);
  }
  return Buffer.concat(parts);
}

/** The id git gives a tree with this body. */
export function treeId(body: Buffer, format: ObjectFormat): string {
  return createHash(format).update(`tree ${body.length}\0`).update(body).digest('hex');
}

/** Every folder on the way to each path, the root (`''`) included: the trees a change rewrites. */
export function foldersToRewrite(paths: readonly string[]): string[] {
  const folders = new Set<string>(['']);
  for (const path of paths) {
    const parts = path.split('/');
    for (let depth = 1; depth < parts.length; depth++) folders.add(parts.slice(0, depth).join('/'));
  }
  return [...folders];
}

export interface NewTree {
  folder: string;
  id: string;
  tree: Tree;
}

/**
 * The trees of the new commit, deepest first, ending with the root: each folder of `current`
 * (absent: a new folder) with `changes` applied; a folder left empty disappears from its parent, as
 * git keeps no empty trees. Pure: the caller reads `current` from git and writes the result.
 */
export function editTrees(current: ReadonlyMap<string, Tree>, changes: readonly PathChange[], format: ObjectFormat): NewTree[] {
  const folders = foldersToRewrite(changes.map((change) => change.path));
  const trees = new Map<string, Tree>(folders.map((folder) => [folder, new Map(current.get(folder) ?? [])]));
  for (const { path, entry } of changes) {
    const cut = path.lastIndexOf('/');
    const tree = trees.get(cut < 0 ? '' : path.slice(0, cut))!;
    const name = path.slice(cut + 1);
    const there = tree.get(name);
    if (there?.mode === FOLDER_MODE) throw new Error(`${path} is a folder in HEAD`);
    if (entry) tree.set(name, entry);
    else tree.delete(name);
  }
  const deepestFirst = folders.sort((a, b) => depth(b) - depth(a));
  const written: NewTree[] = [];
  for (const folder of deepestFirst) {
    const tree = trees.get(folder)!;
    if (folder === '') {
      written.push({ folder, tree, id: treeId(serializeTree(tree, format), format) });
      continue;
    }
    const cut = folder.lastIndexOf('/');
    const parent = trees.get(cut < 0 ? '' : folder.slice(0, cut))!;
    const name = folder.slice(cut + 1);
    const there = parent.get(name);
    if (there && there.mode !== FOLDER_MODE) throw new Error(`${folder} is a file in HEAD`);
    if (tree.size === 0) {
      parent.delete(name);
      continue;
    }
    const id = treeId(serializeTree(tree, format), format);
    parent.set(name, { mode: FOLDER_MODE, id });
    written.push({ folder, tree, id });
  }
  return written;
}

function depth(folder: string): number {
  return folder === '' ? 0 : folder.split('/').length;
}

/** `git mktree -z --batch` input for the trees, in order: ls-tree records, an empty record between trees. */
export function mktreeInput(trees: readonly NewTree[]): Buffer {
  const text = trees
    .map(({ tree }) => [...tree].map(([name, { mode, id }]) => `${mode.padStart(6, '0')} ${typeOf(mode)} ${id}\t${name}\0`).join(''))
    .join('\0');
  return Buffer.from(text, 'latin1');
}

function typeOf(mode: string): string {
  if (mode === FOLDER_MODE) return 'tree';
  if (mode === '160000') return 'commit';
  return 'blob';
}

/** `git ls-files -z --stage` records: each path's mode and blob; undefined when a path is mid-merge (a stage other than 0). */
export function parseStaged(output: Buffer): Map<string, TreeEntry> | undefined {
  const staged = new Map<string, TreeEntry>();
  for (const record of output.toString('latin1').split('\0')) {
    if (record === '') continue;
    const match = /^(\d{6}) ([0-9a-f]{40,64}) (\d)\t(.+)$/s.exec(record);
    if (match?.[3] !== '0') return undefined;
    staged.set(match[4]!, { mode: match[1]!.replace(/^0+/, ''), id: match[2]! });
  }
  return staged;
}

/**
 * `git cat-file --batch` answers to one request per folder, in order: the folder's tree, or absent
 * when HEAD has no such folder yet. Undefined when an answer is not a tree (a file where the folder
 * should be) or the output is not what git prints.
 */
export function parseTreeAnswers(output: Buffer, folders: readonly string[], format: ObjectFormat): Map<string, Tree> | undefined {
  const trees = new Map<string, Tree>();
  let at = 0;
  for (const folder of folders) {
    const newline = output.indexOf(0x0a, at);
    if (newline < 0) return undefined;
    const header = output.toString('latin1', at, newline);
    at = newline + 1;
    if (header.endsWith(' missing')) continue;
    const match = /^[0-9a-f]{40,64} (\w+) (\d+)$/.exec(header);
    if (match?.[1] !== 'tree') return undefined;
    const size = Number(match[2]);
    if (at + size + 1 > output.length) return undefined;
    trees.set(folder, parseTree(output.subarray(at, at + size), format));
    at += size + 1;
  }
  return trees;
}
