import { spawn } from 'node:child_process';
import type { Entry } from '../core/types.js';
import { readCloneShape } from './cloneShape.js';
import { skipped } from './fsafe.js';
import { gitEnv, runGit } from './git.js';
import { gitEnvironment } from './gitEnvironment.js';
import { REMOTE } from './remote.js';
import type { Workspace } from './workspace.js';

/**
 * Committed entries read from git's objects by day folder (`YYYY/MM/DD`) rather than from the
 * working tree: what the history (store/history.ts) is built from, and how a sparse clone reads
 * the folders it has not checked out. In a blob-less clone the blobs are fetched in batches.
 */

/** An entry file is a few KiB; anything past this is not an entry we will parse. */
export const MAX_ENTRY_BYTES = 256 << 10;
const ENTRY_PATH = /^entries\/\d{4}\/\d{2}\/\d{2}\/[^/]+\.md$/;

interface FileRef {
  day: string;
  path: string;
  oid: string;
  mode: string;
  type: string;
}

/** The entries of the given day folders of `commit`, each as `encode` makes it, and what was skipped. */
export async function decodeDays<T>(
  ws: Workspace,
  commit: string,
  days: readonly string[],
  encode: (entry: Entry) => T,
  only?: ReadonlySet<string>,
): Promise<Map<string, DecodedDay<T>>> {
  const out = new Map<string, DecodedDay<T>>();
  if (days.length === 0) return out;
  for (const day of days) out.set(day, { entries: [], warnings: [] });
  const listed = await listDayFiles(ws, commit, days);
  const files = only ? listed.filter((file) => only.has(file.path)) : listed;
  const readable: FileRef[] = [];
  for (const file of files) {
    const reason =
      file.mode === '120000'
        ? 'it is a symbolic link'
        : file.type !== 'blob' || !file.mode.startsWith('100')
          ? 'it is not a regular file'
          : undefined;
    if (reason) out.get(file.day)?.warnings.push(skipped(file.path, reason));
    else readable.push(file);
  }
  // The blobs are parsed once git has given them all: parsing each as it came (so git would read
  // ahead meanwhile) measured 1-2 s slower over 100k blobs on two cores, git and the parser competing.
  const { parseEntry } = await import('../core/entry.js');
  const byOid = new Map<string, number[]>();
  for (const [i, file] of readable.entries()) byOid.set(file.oid, [...(byOid.get(file.oid) ?? []), i]);
  const outcomes: ({ entry: T } | { warning: string })[] = [];
  const got: [string, Blob][] = [];
  const missing = await fetchMissingBlobs(
    ws,
    // Only folders HEAD has: rev-list refuses every name when one does not resolve.
    [...new Set(readable.map((file) => file.day))].map((day) => `${commit}:entries/${day}`),
    new Set(byOid.keys()),
  );
  await catBlobs(
    ws.root,
    [...byOid.keys()].filter((oid) => !missing.oids.has(oid)),
    (oid, blob) => got.push([oid, blob]),
  );
  for (const [oid, blob] of got) {
    for (const i of byOid.get(oid) ?? []) {
      const { path } = readable[i]!;
      if (blob.text === undefined) {
        outcomes[i] = { warning: skipped(path, `it is too large (${blob.size} bytes; the limit is ${MAX_ENTRY_BYTES})`) };
        continue;
      }
      const parsed = parseEntry(blob.text, path);
      outcomes[i] = parsed.ok ? { entry: encode(parsed.entry) } : { warning: skipped(path, parsed.error) };
    }
  }
  let unfetched = 0;
  readable.forEach((file, i) => {
    const read = out.get(file.day)!;
    if (missing.oids.has(file.oid)) {
      // Said once for them all below: offline, a year of history would be thousands of lines.
      unfetched += 1;
      read.unfetched = (read.unfetched ?? 0) + 1;
      return;
    }
    const outcome = outcomes[i] ?? { warning: skipped(file.path, 'git does not have its content in this clone') };
    if ('entry' in outcome) read.entries.push(outcome.entry);
    else read.warnings.push(outcome.warning);
  });
  if (unfetched > 0) {
    const first = [...out.values()].find((day) => day.unfetched !== undefined)!;
    first.warnings.push(notFetched(unfetched, missing.detail ?? 'no answer'));
  }
  return out;
}

export interface DecodedDay<T> {
  entries: T[];
  warnings: string[];
  /** Entries whose blob this blob-less clone lacks and could not fetch: the day is not whole. */
  unfetched?: number;
}

/** The one sentence for old entries a blob-less clone could not fetch (offline). */
export function notFetched(count: number, detail: string): string {
  return `${count} older ${count === 1 ? 'entry is' : 'entries are'} not in this clone and the remote could not be reached to fetch ${count === 1 ? 'it' : 'them'} (${detail.replace(/\.$/, '')}); connect and try again, or clone with 'async join --full'.`;
}

interface Missing {
  /** The wanted blobs the clone still lacks. */
  oids: Set<string>;
  /** Why the fetch failed, in git's words. */
  detail?: string;
}

/**
 * A blob-less clone (store/cloneShape.ts) lacks the blobs of the folders it has not checked out.
 * Read through cat-file, git would fetch each one on its own (a round trip per entry), so the
 * blobs under `trees` that `wanted` holds are listed first without fetching (rev-list
 * --missing=print never fetches) and fetched by id in a few `git fetch`es (fetchBlobs), as git's
 * own lazy fetch does it (noop negotiation: the blobs are asked for by id, no history is compared).
 */
async function fetchMissingBlobs(ws: Workspace, trees: readonly string[], wanted: ReadonlySet<string>): Promise<Missing> {
  const oids = new Set<string>();
  if (wanted.size === 0 || !(await readCloneShape(ws)).partial) return { oids };
  for (let i = 0; i < trees.length; i += 200) {
    const result = await runGit(ws.root, ['rev-list', '--objects', '--missing=print', '--no-walk', ...trees.slice(i, i + 200), '--']);
    for (const line of result.stdout.split('\n')) {
      const oid = line.slice(1).trim();
      if (line.startsWith('?') && wanted.has(oid)) oids.add(oid);
    }
  }
  return fetchBlobs(ws, [...oids]);
}

/**
 * How many blobs one `git fetch` asks for. A search of a million-entry history in a member's
 * clone wants ~900,000 of them: in one fetch, that outlasted the network timeout
 * (ASYNC_NETWORK_TIMEOUT, 180 s) even from a local remote, and a fetch cut off keeps nothing. In
 * batches each fetch ends in seconds, and what came stays for the next read.
 */
const FETCH_BATCH = 20_000;

/** Fetches `oids` by id, `batch` at a time; stops at the first fetch that fails, and names what is still missing. */
export async function fetchBlobs(ws: Workspace, oids: readonly string[], batch = FETCH_BATCH): Promise<Missing> {
  if (oids.length === 0) return { oids: new Set() };
  const { configEnv, runNetworkGit } = await import('./network.js');
  for (let from = 0; from < oids.length; from += batch) {
    const fetched = await runNetworkGit(
      ws.root,
      'fetch',
      ['--quiet', '--no-tags', '--no-write-fetch-head', '--recurse-submodules=no', '--filter=blob:none', '--stdin', REMOTE],
      configEnv({ 'fetch.negotiationAlgorithm': 'noop' }),
      `${oids.slice(from, from + batch).join('\n')}\n`,
    );
    if (fetched.code === 0) continue;
    const detail = fetched.stderr
      .split('\n')
      .map((line) => line.replace(/^(fatal|error):\s*/, '').trim())
      .find((line) => line !== '');
    return { oids: new Set(oids.slice(from)), ...(detail ? { detail } : {}) };
  }
  return { oids: new Set() };
}

/**
 * Committed entry files read from git's objects, for paths a sparse clone has not checked out
 * (show of an old entry, a late arrival in an old day folder): HEAD's tree lists every entry,
 * shallow or not, and fetchMissingBlobs brings what a blob-less clone lacks, in batches.
 */
export async function readCommittedFiles(ws: Workspace, paths: readonly string[]): Promise<CommittedRead> {
  const wanted = new Set(paths.filter((path) => ENTRY_PATH.test(path)));
  const days = [...new Set([...wanted].map((path) => path.slice('entries/'.length, path.lastIndexOf('/'))))];
  return readCommittedDays(ws, days, wanted);
}

/** The committed entries of day folders (`YYYY/MM/DD`) a sparse clone has not checked out; `only` picks files. */
export async function readCommittedDays(ws: Workspace, days: readonly string[], only?: ReadonlySet<string>): Promise<CommittedRead> {
  const result: CommittedRead = { entries: [], warnings: [] };
  const head = await runGit(ws.root, ['rev-parse', '--verify', '--quiet', 'HEAD^{commit}']);
  const commit = head.stdout.trim();
  const valid = days.filter((day) => /^\d{4}\/\d{2}\/\d{2}$/.test(day));
  if (head.code !== 0 || valid.length === 0) return result;
  const decoded = await decodeDays(ws, commit, valid, (entry) => entry, only);
  for (const day of decoded.values()) {
    result.entries.push(...day.entries);
    result.warnings.push(...day.warnings);
    if (day.unfetched !== undefined) result.unfetched = (result.unfetched ?? 0) + day.unfetched;
  }
  return result;
}

export interface CommittedRead {
  entries: Entry[];
  warnings: string[];
  /** How many entries a blob-less clone could not fetch (offline): the read is not whole. */
  unfetched?: number;
}

/** The `.md` files directly inside the given day folders of `commit` (paths are validated digits). */
async function listDayFiles(ws: Workspace, commit: string, days: readonly string[]): Promise<FileRef[]> {
  const files: FileRef[] = [];
  // Bounded argument lists: a first read of years of history names a thousand folders.
  for (let i = 0; i < days.length; i += 200) {
    const folders = days.slice(i, i + 200).map((day) => `entries/${day}/`);
    const result = await runGit(ws.root, ['ls-tree', '-z', commit, '--', ...folders]);
    if (result.code !== 0) continue;
    for (const line of result.stdout.split('\0')) {
      const tab = line.indexOf('\t');
      if (tab === -1) continue;
      const [mode, type, oid] = line.slice(0, tab).split(' ');
      const path = line.slice(tab + 1);
      const name = path.slice(path.lastIndexOf('/') + 1);
      if (!ENTRY_PATH.test(path) || name.startsWith('.') || !mode || !type || !oid) continue;
      files.push({ day: path.slice('entries/'.length, path.lastIndexOf('/')), path, oid, mode, type });
    }
  }
  return files;
}

/**
 * Blob contents through one `git cat-file --batch`, oids on stdin, handed to `each` as they come.
 * A blob larger than an entry may be is reported by its size, without its text; a blob this clone
 * lacks is never handed over.
 */
function catBlobs(cwd: string, oids: readonly string[], each: (oid: string, blob: Blob) => void): Promise<void> {
  if (oids.length === 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const child = spawn('git', ['cat-file', '--batch'], { cwd, env: gitEnv(gitEnvironment()), stdio: ['pipe', 'pipe', 'ignore'] });
    let buffer: Buffer = Buffer.alloc(0);
    let failed: unknown;
    child.stdout.on('data', (chunk: Buffer) => {
      if (failed) return;
      buffer = buffer.length === 0 ? chunk : Buffer.concat([buffer, chunk]);
      try {
        buffer = drain(buffer, each);
      } catch (error) {
        failed = error;
        child.kill();
      }
    });
    child.on('error', reject);
    child.on('close', () => (failed ? reject(failed) : resolve()));
    child.stdin.on('error', () => {});
    child.stdin.end(`${oids.join('\n')}\n`);
  });
}

interface Blob {
  size: number;
  /** Absent when the blob is larger than an entry may be. */
  text?: string;
}

/** Takes every complete `<oid> <type> <size>\n<content>\n` record off the front of `buffer`. */
function drain(buffer: Buffer, each: (oid: string, blob: Blob) => void): Buffer {
  let start = 0;
  for (;;) {
    const nl = buffer.indexOf(10, start);
    if (nl === -1) break;
    const [oid, type, sizeText] = buffer.toString('latin1', start, nl).split(' ');
    if (type === 'missing' || sizeText === undefined) {
      start = nl + 1;
      continue;
    }
    const size = Number(sizeText);
    if (buffer.length < nl + 1 + size + 1) break;
    each(oid!, size > MAX_ENTRY_BYTES ? { size } : { size, text: buffer.toString('utf8', nl + 1, nl + 1 + size) });
    start = nl + 1 + size + 1;
  }
  return start === 0 ? buffer : buffer.subarray(start);
}
