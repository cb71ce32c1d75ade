import type { RemoteState } from '../store/remote.js';

/** One line telling the user where their commit is. */
export function describePush(state: RemoteState | 'skipped'): string {
  switch (state) {
    case 'ok':
      return 'Pushed.';
    case 'skipped':
      return "Committed locally (--no-push); 'async sync' pushes it.";
    case 'no-remote':
      return "Committed locally; this workspace has no remote yet (git remote add origin URL, then 'async sync').";
    case 'unreachable':
      return "Committed locally; the remote is unreachable, so the next 'async sync', update, handoff or catchup pushes it.";
  }
}
