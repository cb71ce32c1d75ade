import type { RemoteOutcome } from './outcome.js';

/**
 * Where the outcome leaves the user: a write (its commit is made, the push is what happened), a
 * sync (reaching the remote is the whole job), or a read that pulled first (catchup, the handoff
 * rule's roster: it goes on with what the clone has).
 */
export type RemoteSituation = 'write' | 'sync' | 'read';

export interface RemoteProblem {
  exit: 0 | 1;
  /** One sentence; the printer sanitises it (it quotes git and the host). */
  message: string;
  /** What to do next; may be empty. */
  hint: string;
}

/** How many of the host's `remote:` lines a one-line error quotes. */
export const QUOTED_REMOTE_LINES = 5;

/**
 * The advice for an outcome, as data; undefined when there is nothing to say. Only `unreachable`
 * lets a write succeed: the network comes back by itself, so the next sync pushes the commit.
 * Refused access, a refusing host and git failures need someone to act first, so they exit 1
 * while saying that the commit is kept (so nobody posts it twice).
 */
export function outcomeProblem(outcome: RemoteOutcome, situation: RemoteSituation): RemoteProblem | undefined {
  if (outcome.kind === 'ok') return undefined;
  if (outcome.kind === 'no-remote') {
    if (situation === 'read') return undefined;
    return situation === 'write'
      ? {
          exit: 0,
          message: "Committed locally; this workspace has no remote yet (git remote add origin URL, then 'async sync').",
          hint: '',
        }
      : {
          exit: 1,
          message: 'This workspace has no remote to sync with.',
          hint: "Add one with 'git remote add origin URL', then run 'async sync' again.",
        };
  }
  const cause = causeOf(outcome);
  if (situation === 'read') {
    const message =
      outcome.kind === 'unreachable' ? `Could not reach the remote (${detailOf(outcome.detail)}).` : `Could not pull: ${cause}.`;
    return { exit: 0, message, hint: readHint(outcome) };
  }
  if (outcome.kind === 'unreachable') {
    return situation === 'write'
      ? { exit: 0, message: `Committed locally; ${cause}, so the next 'async sync', update, handoff or catchup pushes it.`, hint: '' }
      : {
          exit: 1,
          message: `Could not reach the remote (${detailOf(outcome.detail)}); your commits are kept locally.`,
          hint: 'Check your network and the remote URL (git remote -v), then run async sync again.',
        };
  }
  const message = situation === 'write' ? `Committed locally, but ${cause}.` : `${capitalise(cause)}; your commits are kept locally.`;
  return { exit: 1, message, hint: actHint(outcome) };
}

type Failure = Exclude<RemoteOutcome, { kind: 'ok' } | { kind: 'no-remote' }>;

function causeOf(outcome: Failure): string {
  switch (outcome.kind) {
    case 'unreachable':
      return `the remote is unreachable (${detailOf(outcome.detail)})`;
    case 'denied':
      return `the remote refused access (${detailOf(outcome.detail)})`;
    case 'refused':
      return `the remote refused the push (${detailOf(outcome.reason)})${quoteHost(outcome.remoteLines)}`;
    case 'raced':
      return 'the remote kept rejecting the push: others kept pushing first';
    case 'failed':
      return `git failed talking to the remote (${detailOf(outcome.detail)})`;
    case 'locked':
      return outcome.where === 'remote'
        ? `the remote's branch is locked (${outcome.path} exists: a push that was killed on the server left it, or one is stuck)`
        : `a lock file in this clone stops git updating its branch (${outcome.path} exists)`;
  }
}

function actHint(outcome: Failure): string {
  switch (outcome.kind) {
    case 'denied':
      return "Check your credentials or ssh key and your access to the repository; 'async sync' pushes it once access works.";
    case 'refused':
      return "Retrying will not help: ask whoever runs the remote, or fix what it objects to, then run 'async sync'.";
    case 'raced':
      return "Run 'async sync' in a minute.";
    case 'unreachable':
    case 'failed':
      return "Fix the cause, then run 'async sync'; nothing is lost.";
    case 'locked':
      return outcome.where === 'remote'
        ? `Retrying will not help: whoever runs the remote removes ${outcome.path} once no push is running there, then 'async sync' pushes your commits.`
        : `If no git is running in this clone, remove ${outcome.path}, then run 'async sync'.`;
  }
}

function readHint(outcome: Failure): string {
  if (outcome.kind === 'denied') return 'Check your credentials or ssh key and your access to the repository.';
  if (outcome.kind === 'refused') return "Ask whoever runs the remote, then run 'async sync'.";
  return '';
}

/** The host's own words, one line: a hook's message is often the only useful reason. */
function quoteHost(lines: readonly string[]): string {
  if (lines.length === 0) return '';
  const shown = lines.slice(0, QUOTED_REMOTE_LINES).map((line) => line.replace(/\s+/g, ' '));
  const more = lines.length > QUOTED_REMOTE_LINES ? ` / (${lines.length - QUOTED_REMOTE_LINES} more lines)` : '';
  // The sentence supplies its own full stop.
  return `: ${shown.join(' / ')}${more}`.replace(/\.$/, '');
}

function detailOf(text: string): string {
  return text.trim().replace(/\.$/, '') || 'no reason given';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** Said once when a pull found the remote's history rewritten: what we did about it. */
export const REWRITTEN_NOTE =
  "The remote's history was rewritten (someone force-pushed): only this clone's own unpushed commits were replayed on top, and what the remote dropped stays out.";

export function wasRewritten(outcome: RemoteOutcome | 'skipped' | undefined): boolean {
  return outcome !== undefined && outcome !== 'skipped' && outcome.kind === 'ok' && outcome.rewritten === true;
}
