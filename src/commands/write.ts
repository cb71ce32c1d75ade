import type { Context } from '../context.js';
import { OperationError } from '../errors.js';
import { publish, type PublishReport } from '../store/publish.js';
import { runTransaction, type Transaction } from '../store/transaction.js';
import type { Workspace } from '../store/workspace.js';
import { withSpinner } from '../ui/spinner.js';

/**
 * How every write command ends: the change is committed through the one write transaction, then
 * pushed unless `--no-push`. A push that fails after the commit says so, so nobody posts twice.
 */
export async function commitAndPush(ctx: Context, ws: Workspace, tx: Transaction, options: { push?: boolean }): Promise<PublishReport> {
  const { recovered } = await runTransaction(ws, tx);
  if (recovered.length > 0) ctx.stderr.write(`Committed ${recovered.length} file(s) left by an interrupted write.\n`);
  const what = tx.changes.map((change) => change.path).join(', ');
  try {
    return await withSpinner(ctx, 'Pushing…', () => publish(ws, { noPush: options.push === false, identity: tx.author }));
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const hint = error instanceof OperationError ? error.hint : undefined;
    throw new OperationError(`Wrote ${what} and committed it locally, but did not push it: ${/[.!?]$/.test(reason) ? reason : `${reason}.`}`, hint);
  }
}
