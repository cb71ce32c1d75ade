import type { Member } from '../core/types.js';
import type { Identity } from './git.js';
import type { RemoteOutcome } from './outcome.js';
import { push } from './remote.js';
import type { Workspace } from './workspace.js';

/** Who commits and pushes for a member: their name and email, or an address that says it is theirs. */
export function identityOf(member: Pick<Member, 'handle' | 'name' | 'email'>): Identity {
  return { name: member.name || member.handle, email: member.email ?? `${member.handle}@users.async.invalid` };
}

export interface PublishReport {
  state: RemoteOutcome | 'skipped';
}

/** Push what is committed; the outcome is the caller's to report (outcomeProblem), never thrown. */
export async function publish(ws: Workspace, options: { noPush?: boolean; identity?: Identity }): Promise<PublishReport> {
  if (options.noPush) return { state: 'skipped' };
  return { state: await push(ws, { identity: options.identity }) };
}
