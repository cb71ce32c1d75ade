import type { Context } from '../context.js';
import { groupLabel, suggestionItems, type CommitGroup } from '../core/commits.js';
import type { Entry, Member } from '../core/types.js';
import type { Session } from '../store/session.js';
import { askGrouped } from '../ui/prompt.js';

/** When there is no update of yours to start from: the commits of the last day. */
const DEFAULT_LOOKBACK_MS = 86_400_000;

/**
 * Your commits since your last update (else the last 24 hours), for `update` to offer as done.
 * Only called when they can be used (a prompt, the editor, --from-git): a plain flags update
 * never waits on git. `announce` (for --from-git) says in one line when there are none.
 */
export async function commitSuggestions(
  ctx: Context,
  session: Session,
  me: Member,
  now: number,
  last: Entry | undefined,
  announce: boolean,
): Promise<CommitGroup[]> {
  const { findSuggestions } = await import('../store/commits.js');
  const since = last !== undefined && last.createdMs <= now ? last.createdMs : now - DEFAULT_LOOKBACK_MS;
  const { groups, warnings } = await findSuggestions(ctx, session.ws, me.email, since, now);
  for (const warning of warnings) ctx.stderr.write(`warning: ${warning}\n`);
  if (announce && groups.length === 0) {
    const from = last !== undefined && last.createdMs <= now ? 'your last update' : 'the last 24 hours';
    ctx.stderr.write(`No commits of yours since ${from} (${new Date(since).toISOString()}).\n`);
  }
  return groups;
}

export { suggestionItems };

/** The checkbox before "What did you get done?": the commits you pick become Done items. */
export async function askCommits(ctx: Context, groups: readonly CommitGroup[]): Promise<string[]> {
  if (groups.length === 0) return [];
  return askGrouped(
    ctx,
    'Done, from your commits',
    groups.map((group) => ({
      label: groupLabel(group),
      choices: group.commits.map((commit) => ({ name: commit.subject, value: commit.item })),
    })),
  );
}
