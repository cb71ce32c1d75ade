import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Member } from '../core/types.js';
import { commitPaths, runGit } from './git.js';
import { pull, push, type RemoteState } from './remote.js';
import { readCloneState, updateCloneState } from './state.js';
import type { Workspace } from './workspace.js';

/**
 * The write path: a file is written atomically, then committed, then pushed. Each step is recorded
 * so a crash between them is finished by the next run instead of leaving a stray file behind.
 */
export function identityOf(member: Pick<Member, 'handle' | 'name' | 'email'>): { name: string; email: string } {
  return { name: member.name || member.handle, email: member.email ?? `${member.handle}@users.async.invalid` };
}

export async function markPending(ws: Workspace, paths: readonly string[]): Promise<void> {
  await updateCloneState(ws, (state) => ({ ...state, pending: [...new Set([...(state.pending ?? []), ...paths])] }));
}

export async function commitChange(ws: Workspace, paths: readonly string[], message: string, author: Member): Promise<void> {
  await commitPaths(ws.root, paths, message, identityOf(author));
  const state = await readCloneState(ws);
  if (state.pending?.some((path) => paths.includes(path))) {
    await updateCloneState(ws, (s) => ({ ...s, pending: (s.pending ?? []).filter((path) => !paths.includes(path)) }));
  }
}

/** Commits entry files a crashed run wrote but did not commit. Returns the paths it committed. */
export async function recoverPending(ws: Workspace, author: Member): Promise<string[]> {
  const pending = (await readCloneState(ws)).pending ?? [];
  if (pending.length === 0) return [];
  const present: string[] = [];
  for (const path of pending) {
    if (await fs.lstat(join(ws.root, path)).then((s) => s.isFile(), () => false)) present.push(path);
  }
  const status = present.length > 0 ? await runGit(ws.root, ['status', '--porcelain', '--untracked-files=all', '--', ...present]) : undefined;
  const dirty = new Set((status?.stdout ?? '').split('\n').filter(Boolean).map((line) => line.slice(3)));
  const uncommitted = present.filter((path) => dirty.has(path));
  if (uncommitted.length > 0) await commitPaths(ws.root, uncommitted, `Recover ${uncommitted.length} entry file(s) from an interrupted write`, identityOf(author));
  await updateCloneState(ws, (s) => ({ ...s, pending: (s.pending ?? []).filter((path) => !pending.includes(path)) }));
  return uncommitted;
}

export interface PublishReport {
  state: RemoteState | 'skipped';
}

/** Push what is committed; a missing network is not an error for a write (the commit waits). */
export async function publish(ws: Workspace, options: { noPush?: boolean }): Promise<PublishReport> {
  if (options.noPush) return { state: 'skipped' };
  return { state: await push(ws) };
}

/** Pull, then push what is waiting: `async sync`, and the start of catchup. */
export async function syncWorkspace(ws: Workspace): Promise<{ pulled: RemoteState; pushed: RemoteState | 'skipped' }> {
  const pulled = await pull(ws);
  if (pulled !== 'ok') return { pulled, pushed: 'skipped' };
  return { pulled, pushed: await push(ws) };
}
