import { promises as fs, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAtomic } from './fsafe.js';
import type { Workspace } from './workspace.js';

/** Per-clone state under .git/async/ (SPEC §2): never committed, never shared. */
export interface CloneState {
  /** The handle recorded by init/join for this clone. */
  handle?: string;
  /** Per handle: what the last catchup showed (see core/catchup for the mark's meaning). */
  marks?: Record<string, CatchupMark>;
  /** Entry files written but not yet known to be committed: recovered by the next write. */
  pending?: string[];
}

export interface CatchupMark {
  /** ISO instant of the last catchup. */
  at: string;
  /** The commit HEAD pointed at when it ran: entries that arrived after it are new to you. */
  head?: string;
}

function statePath(ws: Workspace): string {
  return join(ws.gitDir, 'async', 'state.json');
}

/**
 * Keeps what is valid of a parsed state file and names the rest: a handle that is a handle, marks
 * whose time parses (and whose commit is a commit id), journal lines that are strings. The
 * transaction checks journal paths again before committing anything (see isJournalPath).
 */
export function decodeCloneState(value: unknown): { state: CloneState; problems: string[] } {
  const problems: string[] = [];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { state: {}, problems: ['it is not a JSON object'] };
  const raw = value as Record<string, unknown>;
  const state: CloneState = {};
  if (raw.handle !== undefined) {
    if (typeof raw.handle === 'string' && /^[a-z0-9][a-z0-9_-]{0,31}$/.test(raw.handle)) state.handle = raw.handle;
    else problems.push('its handle is not a handle');
  }
  if (raw.marks !== undefined) {
    if (typeof raw.marks === 'object' && raw.marks !== null && !Array.isArray(raw.marks)) {
      const marks: Record<string, CatchupMark> = Object.create(null) as Record<string, CatchupMark>;
      for (const [handle, mark] of Object.entries(raw.marks as Record<string, unknown>)) {
        const at = (mark as Partial<CatchupMark> | null)?.at;
        const head = (mark as Partial<CatchupMark> | null)?.head;
        if (typeof at !== 'string' || !Number.isFinite(Date.parse(at))) {
          problems.push(`the catchup mark of ${handle.slice(0, 40)} has no readable time`);
          continue;
        }
        marks[handle] = { at, ...(typeof head === 'string' && /^[0-9a-f]{40,64}$/.test(head) ? { head } : {}) };
      }
      state.marks = marks;
    } else problems.push('its catchup marks are not an object');
  }
  if (raw.pending !== undefined) {
    if (Array.isArray(raw.pending)) state.pending = raw.pending.filter((path): path is string => typeof path === 'string');
    if (!Array.isArray(raw.pending) || state.pending?.length !== raw.pending.length)
      problems.push('its write journal holds something that is not a path');
  }
  return { state, problems };
}

export interface StateReport {
  state: CloneState;
  /** One sentence when the file was damaged (what was kept and where the original went). */
  warning?: string;
}

/**
 * The clone's state, decoded. A file that does not parse is moved aside (never deleted: it may hold
 * a journal someone wants back) and reported; one with some bad values keeps the good ones.
 */
export async function readCloneStateReport(ws: Workspace): Promise<StateReport> {
  const text = await fs.readFile(statePath(ws), 'utf8').catch(() => undefined);
  if (text === undefined) return { state: {} };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const aside = `${statePath(ws)}.bad-${process.pid}-${text.length}`;
    const moved = await fs.rename(statePath(ws), aside).then(
      () => true,
      () => false,
    );
    return {
      state: {},
      warning: `.git/async/state.json could not be read (not JSON)${moved ? `; set aside as ${aside.slice(ws.gitDir.length - 4)}` : ''}: your catchup mark starts afresh.`,
    };
  }
  const { state, problems } = decodeCloneState(value);
  return problems.length > 0 ? { state, warning: `.git/async/state.json: ${problems.join('; ')}; the rest is kept.` } : { state };
}

/**
 * The state as a fast path may use it (src/whoFast.ts), synchronously and without side effects:
 * none when the file is absent, undefined when it is damaged in any way (the full program then
 * says so and sets it aside, as readCloneStateReport does).
 */
export function peekCloneState(gitDir: string): CloneState | undefined {
  let text: string;
  try {
    text = readFileSync(join(gitDir, 'async', 'state.json'), 'utf8');
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ENOENT' ? {} : undefined;
  }
  try {
    const { state, problems } = decodeCloneState(JSON.parse(text));
    return problems.length === 0 ? state : undefined;
  } catch {
    return undefined;
  }
}

export async function readCloneState(ws: Workspace): Promise<CloneState> {
  return (await readCloneStateReport(ws)).state;
}

export async function updateCloneState(ws: Workspace, change: (state: CloneState) => CloneState): Promise<void> {
  const next = change(await readCloneState(ws));
  await fs.mkdir(join(ws.gitDir, 'async'), { recursive: true });
  await writeAtomic(join(ws.gitDir, 'async'), 'state.json', `${JSON.stringify(next, null, 2)}\n`);
}
