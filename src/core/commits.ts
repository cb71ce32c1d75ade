import { sanitizeInline } from './sanitize.js';

/**
 * Commits offered as "done" in `async update`: read from `git log` (store/commits.ts), kept if you
 * authored them, grouped by repository and branch. Pure, so the grouping is table-tested.
 */
export interface Commit {
  hash: string;
  email: string;
  /** Committer time, epoch seconds: newest first, as git log prints them. */
  time: number;
  /** The branch git log was asked for: refs/heads/main, refs/remotes/origin/x, HEAD. */
  ref: string;
  subject: string;
}

export interface CommitGroup {
  repo: string;
  branch: string;
  commits: { hash: string; subject: string; item: string }[];
}

/** The most suggestions offered at once: more is a week of work, not a stand-up. */
export const MAX_SUGGESTIONS = 30;
/** Subjects longer than this are cut: a Done item is a line. */
const MAX_SUBJECT = 100;

const FIELD = '\x1f';
const RECORD = '\x1e';
/** `git log --format=` for parseLog: fields and records split by characters a subject cannot hold. */
export const LOG_FORMAT = '%H%x1f%ae%x1f%ct%x1f%s%x1e';

/** The output of `git log REF --format=LOG_FORMAT`. */
export function parseLog(text: string, ref: string): Commit[] {
  const commits: Commit[] = [];
  for (const record of text.split(RECORD)) {
    const fields = record.replace(/^\n/, '').split(FIELD);
    if (fields.length !== 4) continue;
    const [hash, email, time, subject] = fields as [string, string, string, string];
    if (!/^[0-9a-f]{7,64}$/.test(hash)) continue;
    commits.push({ hash, email, time: Number(time) || 0, ref, subject });
  }
  return commits;
}

/**
 * The order branches are read in, which decides where a commit on several branches is shown (the
 * first that has it): the default branch (the target of origin/HEAD, else main, else master),
 * then the other local branches, then remote-tracking ones, each in the order given (newest
 * first, from for-each-ref). A feature branch cut from main shows its own commits, not main's.
 */
export function branchOrder(refs: readonly string[], originHead?: string): string[] {
  const usable = refs.filter((ref) => ref.startsWith('refs/') && !/^refs\/remotes\/[^/]+\/HEAD$/.test(ref));
  const remoteDefault = originHead?.trim();
  const localDefault = remoteDefault?.startsWith('refs/remotes/origin/')
    ? `refs/heads/${remoteDefault.slice('refs/remotes/origin/'.length)}`
    : undefined;
  const preferred = [localDefault, remoteDefault, 'refs/heads/main', 'refs/heads/master'].find(
    (ref): ref is string => ref !== undefined && usable.includes(ref),
  );
  const local = usable.filter((ref) => ref.startsWith('refs/heads/'));
  const remote = usable.filter((ref) => ref.startsWith('refs/remotes/'));
  return [...new Set([...(preferred ? [preferred] : []), ...local, ...remote])];
}

/** refs/heads/main -> main; refs/remotes/origin/fix -> fix; HEAD (a detached one) stays. */
export function branchOf(ref: string): string {
  const match = /^refs\/(?:heads\/|remotes\/[^/]+\/)?(.+)$/.exec(ref);
  return match ? match[1]! : ref;
}

/** Emails compared as git users type them: case does not matter; blanks are no one. */
export function normalizeEmails(emails: readonly (string | undefined)[]): string[] {
  const seen = new Set<string>();
  for (const email of emails) {
    const folded = email?.trim().toLowerCase();
    if (folded) seen.add(folded);
  }
  return [...seen];
}

/** How one commit reads as a Done item: its subject and where it is, short. */
export function commitItem(subject: string, repo: string, branch: string): string {
  return `${subject} (${repo}@${branch})`;
}

function cleanSubject(subject: string): string {
  const clean = sanitizeInline(subject).replace(/\s+/g, ' ').trim();
  return clean.length > MAX_SUBJECT ? `${clean.slice(0, MAX_SUBJECT - 1).trimEnd()}…` : clean;
}

/**
 * Your commits of every repository, newest first, each once (a commit reachable from two
 * repositories listed, or from two branches, is shown where it was first found), at most `cap`,
 * grouped by repository and branch in the order of their newest commit.
 */
export function groupCommits(
  repos: readonly { name: string; commits: readonly Commit[] }[],
  emails: readonly string[],
  cap = MAX_SUGGESTIONS,
): CommitGroup[] {
  const mine = new Set(normalizeEmails(emails));
  const seen = new Set<string>();
  const found: { repo: string; branch: string; commit: Commit }[] = [];
  for (const repo of repos) {
    for (const commit of repo.commits) {
      if (!mine.has(commit.email.trim().toLowerCase()) || seen.has(commit.hash)) continue;
      if (cleanSubject(commit.subject) === '') continue;
      seen.add(commit.hash);
      found.push({ repo: repo.name, branch: branchOf(commit.ref), commit });
    }
  }
  // Stable: equal times keep git's order (newest first within a repository).
  const kept = found.sort((a, b) => b.commit.time - a.commit.time).slice(0, cap);
  const groups = new Map<string, CommitGroup>();
  for (const { repo, branch, commit } of kept) {
    const safeRepo = cleanSubject(repo);
    const safeBranch = cleanSubject(branch);
    const key = `${safeRepo}\n${safeBranch}`;
    let group = groups.get(key);
    if (!group) {
      group = { repo: safeRepo, branch: safeBranch, commits: [] };
      groups.set(key, group);
    }
    const subject = cleanSubject(commit.subject);
    group.commits.push({ hash: commit.hash, subject, item: commitItem(subject, safeRepo, safeBranch) });
  }
  return [...groups.values()];
}

/** Every suggestion as a Done item, group by group. */
export function suggestionItems(groups: readonly CommitGroup[]): string[] {
  return groups.flatMap((group) => group.commits.map((commit) => commit.item));
}

/** The heading a group has in the checkbox: `webapp (main)`. */
export function groupLabel(group: CommitGroup): string {
  return `${group.repo} (${group.branch})`;
}
