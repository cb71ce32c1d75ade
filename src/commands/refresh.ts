import type { Context } from '../context.js';
import { OperationError } from '../errors.js';
import { identityOf } from '../store/publish.js';
import { refreshSession, type Session } from '../store/session.js';
import type { Member } from '../core/types.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { withSpinner } from '../ui/spinner.js';

/**
 * The offline policy, in one place, for the commands that refresh first (catchup, handoff by the
 * rule, ack, sync). A read goes on with what the clone has and returns a warning that says so
 * (`offline` names the consequence: "showing what this clone already has"); sync, whose whole job
 * is the remote, fails instead (`strict`). A file a killed write left that git will not commit
 * now is a warning for everyone: it stays journaled, and reads are not blocked by it.
 */
export async function refresh(
  ctx: Context,
  session: Session,
  me: Member | undefined,
  options: { push: boolean; offline: string; strict?: boolean },
): Promise<string[]> {
  const identity = me ? identityOf(me) : undefined;
  const report = await withSpinner(ctx, options.push ? 'Syncing…' : 'Pulling…', () =>
    refreshSession(session, { push: options.push, ...(identity ? { identity } : {}) }),
  );
  const warnings: string[] = [];
  if (report.recovery.committed.length > 0) ctx.stderr.write(`Committed ${report.recovery.committed.length} file(s) left by an interrupted write.\n`);
  if (report.recovery.problem) warnings.push(`An interrupted write left files git would not commit now (${trim(report.recovery.problem)}); they are kept.`);
  if (report.problem) {
    if (options.strict) throw new OperationError(`${trim(report.problem.message)}; your commits are kept locally.`, report.problem.hint);
    warnings.push(`${trim(report.problem.message)}: ${options.offline}.`);
  }
  // Git's own words may quote a hostile URL or file name.
  return warnings.map(sanitizeInline);
}

function trim(sentence: string): string {
  return sentence.replace(/[.\s]+$/, '');
}
