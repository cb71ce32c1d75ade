import type { StatusSummary } from '../core/status.js';
import type { Member } from '../core/types.js';
import type { Session } from '../store/session.js';

/**
 * The one place the summary of `async status` is computed and saved: by `status` itself when
 * the saved one is missing or stale, and after the commands that change what it shows: catchup
 * (the pull, the mark), sync (the pull, the push) and every entry written (postEntry), those
 * only where a summary is already kept (refreshSavedStatus), so they cost nothing more for those
 * who never run status. Offline: it reads the clone only. Any other commit moves HEAD, which
 * makes the saved summary stale by itself: the next `status` recomputes it.
 */
export async function saveStatusSummary(session: Session, me: Member | undefined, now: number): Promise<StatusSummary> {
  const { ws } = session;
  const { readHead, readRef } = await import('../store/gitRefs.js');
  const { runGit } = await import('../store/git.js');
  const { REMOTE } = await import('../store/remote.js');
  const { writeSummary } = await import('../store/statusFile.js');
  const head = readHead(ws.gitDir);
  const branch = head.branch?.startsWith('refs/heads/') ? head.branch.slice('refs/heads/'.length) : undefined;
  const upstreamRef = branch ? `refs/remotes/${REMOTE}/${branch}` : null;
  const upstream = upstreamRef ? (readRef(ws.gitDir, upstreamRef) ?? null) : null;
  const remoteUrl = await runGit(ws.root, ['config', '--get', `remote.${REMOTE}.url`]);
  const remote = remoteUrl.code === 0 ? remoteUrl.stdout.trim() || null : null;
  let unpushed = 0;
  if (remote !== null && head.commit) {
    // Never pushed yet: everything on the branch is still to go out.
    const range = upstream ? [`${upstream}..${head.commit}`] : [head.commit];
    const counted = await runGit(ws.root, ['rev-list', '--count', ...range]);
    unpushed = counted.code === 0 ? Number(counted.stdout.trim()) || 0 : 0;
  }
  const clone = { workspace: ws.root, remote, head: head.commit ?? null, upstreamRef, upstream, unpushed };
  let summary: StatusSummary;
  if (!me) {
    summary = {
      version: 1,
      ...clone,
      markAt: null,
      handle: null,
      newSinceMark: 0,
      handoffsWaiting: [],
      sentWaiting: [],
      openBlockers: [],
      ownLatestMs: null,
    };
  } else {
    const { PENDING_WINDOW_MS } = await import('../core/catchup.js');
    const { catchupSince, SKEW_MS } = await import('../core/catchupWindow.js');
    const { ownLatest, readCatchup, readMark } = await import('../store/catchup.js');
    const { readEntriesInRange } = await import('../store/entries.js');
    const { readCloneState } = await import('../store/state.js');
    const { computeSummary } = await import('../core/statusCompute.js');
    const mark = await readMark(ws, me.handle);
    const markAt = (await readCloneState(ws)).marks?.[me.handle]?.at ?? null;
    // The window a plain catchup would show now: what is new to you.
    const since = catchupSince({
      now,
      ...(mark.at !== undefined ? { markAt: mark.at } : { ownLatest: await ownLatest(ws, me.handle, now) }),
    });
    const read = await readCatchup(ws, { since, now, ...(mark.head ? { markHead: mark.head } : {}) });
    const lately = await readEntriesInRange(ws, now - PENDING_WINDOW_MS, now + SKEW_MS);
    summary = computeSummary({
      catchup: { me: me.handle, now, since, fresh: read.fresh, recent: read.recent, linked: read.linked },
      blockerHistory: read.blockerHistory,
      lately: lately.entries,
      clone: { ...clone, markAt },
    });
  }
  // A read-only .git still gets its answer; only the next prompt pays again.
  await writeSummary(ws, summary).catch(() => undefined);
  return summary;
}

/** After a command that already did its work: a summary that cannot be saved costs the next prompt a recomputation, nothing more. */
export async function saveStatusSummaryQuietly(session: Session, me: Member | undefined, now: number): Promise<void> {
  await saveStatusSummary(session, me, now).catch(() => undefined);
}

/**
 * After catchup, sync or an entry written: recomputed only where a summary is kept (someone here
 * ran `async status`), so nobody else pays for a read more; never failing the command.
 */
export async function refreshSavedStatus(session: Session, me: Member | undefined, now: number): Promise<void> {
  const { hasSummary } = await import('../store/statusFile.js');
  if (!(await hasSummary(session.ws))) return;
  await saveStatusSummaryQuietly(session, me, now);
}
