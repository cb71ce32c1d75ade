import { sanitizeInline } from '../ui/sanitize.js';
import { OperationError } from '../errors.js';
import type { RemoteOutcome } from '../store/outcome.js';
import { outcomeProblem } from '../store/outcomeProblem.js';

/**
 * One line telling the user where their commit is, after a write. An outcome that fails the
 * write (refused access, a refusing host, a git failure) throws instead, its message led by
 * `done` (what was already done, e.g. "Wrote entries/….md.") so nobody posts it twice.
 */
export function describePush(state: RemoteOutcome | 'skipped', done = ''): string {
  if (state === 'skipped') return "Committed locally (--no-push); 'async sync' pushes it.";
  const problem = outcomeProblem(state, 'write');
  if (!problem) return 'Pushed.';
  if (problem.exit === 1) throw new OperationError(`${done ? `${done} ` : ''}${problem.message}`, problem.hint || undefined);
  // Printed on stdout, not through the error handler: it quotes git, so it is sanitised here.
  return sanitizeInline(problem.message);
}
