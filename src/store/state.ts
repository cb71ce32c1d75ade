import { promises as fs } from 'node:fs';
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

export async function readCloneState(ws: Workspace): Promise<CloneState> {
  const text = await fs.readFile(statePath(ws), 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  try {
    const value: unknown = JSON.parse(text);
    return value && typeof value === 'object' ? (value as CloneState) : {};
  } catch {
    return {};
  }
}

export async function updateCloneState(ws: Workspace, change: (state: CloneState) => CloneState): Promise<void> {
  const next = change(await readCloneState(ws));
  await fs.mkdir(join(ws.gitDir, 'async'), { recursive: true });
  await writeAtomic(join(ws.gitDir, 'async'), 'state.json', `${JSON.stringify(next, null, 2)}\n`);
}
