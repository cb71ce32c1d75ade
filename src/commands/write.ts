import type { Context } from '../context.js';
import { OperationError } from '../errors.js';
import { setInterruptNote } from '../interrupt.js';
import { REWRITTEN_NOTE, wasRewritten } from '../store/outcomeProblem.js';
import { publish, type PublishReport } from '../store/publish.js';
import { withCloneLock } from '../store/lock.js';
import { runTransaction, type Transaction } from '../store/transaction.js';
import type { Workspace } from '../store/workspace.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { withSpinner } from '../ui/spinner.js';

/**
 * How every write command ends: the change is committed through the one write transaction, then
 * pushed unless `--no-push`. A push that fails after the commit says so, so nobody posts twice.
 */
export async function commitAndPush(ctx: Context, ws: Workspace, tx: Transaction, options: { push?: boolean }): Promise<PublishReport> {
  const what = tx.changes.map((change) => change.path).join(', ');
  try {
    return await withCloneLock(ws, async () => {
      setInterruptNote('Interrupted while committing; the next async command finishes the write, so nothing is lost.');
      const { recovered, recoveryProblem } = await runTransaction(ws, tx);
      setInterruptNote(`Interrupted while pushing: ${what} is committed locally, and 'async sync' pushes it.`);
      if (recovered.length > 0) ctx.stderr.write(`Committed ${recovered.length} file(s) left by an interrupted write.\n`);
      if (recoveryProblem)
        ctx.stderr.write(
          `warning: ${sanitizeInline(`An interrupted write left files git would not commit now (${recoveryProblem.replace(/[.\s]+$/, '')}); they are kept.`)}\n`,
        );
      try {
        const report = await withSpinner(ctx, 'Pushing…', () => publish(ws, { noPush: options.push === false, identity: tx.author }));
        if (wasRewritten(report.state)) ctx.stderr.write(`${REWRITTEN_NOTE}\n`);
        return report;
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        const hint = error instanceof OperationError ? error.hint : undefined;
        throw new OperationError(
          `Wrote ${what} and committed it locally, but did not push it: ${/[.!?]$/.test(reason) ? reason : `${reason}.`}`,
          hint,
        );
      }
    });
  } finally {
    setInterruptNote(undefined);
  }
}
