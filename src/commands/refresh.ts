import type { Context } from '../context.js';
import { OperationError } from '../errors.js';
import { identityOf } from '../store/publish.js';
import { refreshSession, type Session } from '../store/session.js';
import type { Member } from '../core/types.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { withSpinner } from '../ui/spinner.js';
import { outcomeProblem, REWRITTEN_NOTE, wasRewritten } from '../store/outcomeProblem.js';

/**
 * The offline policy, in one place, for the commands that refresh first (catchup, handoff by the
 * rule, ack, sync). A read goes on with what the clone has and returns warnings that say why
 * (`offline` names the consequence: "showing what this clone already has"); sync, whose whole job
 * is the remote, fails instead (`strict`), with the advice outcomeProblem gives. A file a killed
 * write left that git will not commit now is a warning for everyone: it stays journaled, and
 * reads are not blocked by it.
 */
export async function refresh(
  ctx: Context,
  session: Session,
  me: Member | undefined,
  options: { push: boolean; offline: string; strict?: boolean },
): Promise<string[]> {
  const identity = me ? identityOf(me) : undefined;
  const report = await withSpinner(ctx, options.push ? 'Syncing…' : 'Pulling…', () =>
    refreshSession(session, { push: options.push, now: ctx.now().getTime(), ...(identity ? { identity } : {}) }),
  );
  const warnings: string[] = [];
  if (report.recovery.committed.length > 0)
    ctx.stderr.write(`Committed ${report.recovery.committed.length} file(s) left by an interrupted write.\n`);
  if (report.recovery.problem)
    warnings.push(`An interrupted write left files git would not commit now (${trim(report.recovery.problem)}); they are kept.`);
  const fail = (message: string, hint?: string) => {
    if (options.strict) throw new OperationError(message, hint || undefined);
    warnings.push(`${trim(message)}: ${options.offline}.${hint ? ` ${hint}` : ''}`);
  };
  if (report.checkout) warnings.push(`${trim(report.checkout)}.`);
  if (report.blocked)
    fail(options.strict ? `${trim(report.blocked.message)}; nothing was synced.` : report.blocked.message, report.blocked.hint);
  if (wasRewritten(report.pulled) || wasRewritten(report.pushed)) ctx.stderr.write(`${REWRITTEN_NOTE}\n`);
  const pulled = report.pulled && outcomeProblem(report.pulled, options.strict ? 'sync' : 'read');
  if (pulled) fail(pulled.message, pulled.hint);
  // The pull worked but our own commits did not go out: the sync sentence, even for a read.
  const pushed = report.pushed === 'skipped' ? undefined : outcomeProblem(report.pushed, 'sync');
  if (pushed) {
    if (options.strict) throw new OperationError(pushed.message, pushed.hint || undefined);
    warnings.push(`${trim(pushed.message)}.${pushed.hint ? ` ${pushed.hint}` : ''}`);
  }
  // Reached the remote: chat posts whose entries it now has go out (and my overdue handoffs).
  if (report.pulled?.kind === 'ok' && !report.blocked) {
    const { notifyAfterRefresh } = await import('./notifyFlow.js');
    warnings.push(...(await notifyAfterRefresh(ctx, session, me)));
  }
  // Git's own words may quote a hostile URL or file name.
  return warnings.map(sanitizeInline);
}

function trim(sentence: string): string {
  return sentence.replace(/[.\s]+$/, '');
}
