import type { Member } from '../core/types.js';
import type { Identity } from './git.js';
import { pull, push, type RemoteState } from './remote.js';
import type { Workspace } from './workspace.js';

/** Who commits and pushes for a member: their name and email, or an address that says it is theirs. */
export function identityOf(member: Pick<Member, 'handle' | 'name' | 'email'>): Identity {
  return { name: member.name || member.handle, email: member.email ?? `${member.handle}@users.async.invalid` };
}

export interface PublishReport {
  state: RemoteState | 'skipped';
}

/** Push what is committed; a missing network is not an error for a write (the commit waits). */
export async function publish(ws: Workspace, options: { noPush?: boolean; identity?: Identity }): Promise<PublishReport> {
  if (options.noPush) return { state: 'skipped' };
  return { state: await push(ws, { identity: options.identity }) };
}

/** Pull, then push what is waiting: `async sync`, and the start of catchup. */
export async function syncWorkspace(ws: Workspace, identity?: Identity): Promise<{ pulled: RemoteState; pushed: RemoteState | 'skipped' }> {
  const pulled = await pull(ws, identity);
  if (pulled !== 'ok') return { pulled, pushed: 'skipped' };
  return { pulled, pushed: await push(ws, { identity }) };
}
