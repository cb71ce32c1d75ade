/**
 * What a sync did, in git's spirit and in the unit people write: "Pushed 3 entries, pulled 2.",
 * "Already up to date.". `moved`: the remote had something new that is not an entry (a teammate's
 * time off, a new member), which "already up to date" would hide.
 */
export function syncSummary(pushed: number, pulled: number, moved: boolean): string {
  const entries = (n: number) => `${n} ${n === 1 ? 'entry' : 'entries'}`;
  if (pushed === 0 && pulled === 0) return moved ? 'Pulled changes to the roster or settings; no new entries.' : 'Already up to date.';
  if (pulled === 0) return `Pushed ${entries(pushed)}.`;
  if (pushed === 0) return `Pulled ${entries(pulled)}.`;
  return `Pushed ${entries(pushed)}, pulled ${pulled}.`;
}
