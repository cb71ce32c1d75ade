/**
 * What happened when we talked to the remote, as data. git says it only in prose on stderr, so
 * the prose is read here, once, and everything else switches on `kind`. Pure: no fs, no git.
 *
 * Decisions where git's text is ambiguous:
 * - A path remote that "does not appear to be a git repository" is `unreachable`: for a remote
 *   that worked when the clone was made, the usual cause is a share that is not mounted (git says
 *   the same for a folder we may not read, so that case is unreachable too).
 * - HTTP 404 ("repository … not found") is `denied`: hosts answer 404 for a private repository
 *   the caller may not see, so the fix is the same as for 401/403.
 * - HTTP 502/503/504 are `unreachable`: a gateway or load balancer answering for a host that is
 *   down, which clears by itself, like a network outage. Other statuses (500…) are `failed`.
 * - `detail` is the line that decided the kind when there is one (an ssh error hides behind
 *   git's generic "Could not read from remote repository"), else git's first meaningful line.
 */
export type RemoteOutcome =
  /** `rewritten`: the pull found the remote's history rewritten (a force-push) and replayed only our own commits. */
  | { kind: 'ok'; rewritten?: boolean }
  | { kind: 'no-remote' }
  /** The push lost a race (another writer's push landed first): fetch, rebase, retry. */
  | { kind: 'raced' }
  /** The host turned the push down (a hook, a protected branch): retrying cannot help. */
  | { kind: 'refused'; reason: string; remoteLines: string[] }
  /** Credentials, an ssh key or access rights: the host will not let us in. */
  | { kind: 'denied'; detail: string }
  /** The network, or a host or share that is not there right now: the commit waits. */
  | { kind: 'unreachable'; detail: string }
  /**
   * A lock file stops git updating a ref: `remote` in the remote's repository (a push killed on a
   * bare repository on a share leaves `refs/heads/main.lock`), `local` in this clone. A running
   * push holds the same lock for a moment, so the caller retries briefly before reporting it.
   */
  | { kind: 'locked'; where: 'remote' | 'local'; path: string }
  | { kind: 'failed'; detail: string };

export interface GitOutput {
  code: number;
  stdout: string;
  stderr: string;
}

/** `[remote rejected]` reasons that mean the ref moved under us: a race, not a refusal. */
const RACE_REASON = /cannot lock ref|failed to update ref|incorrect old value|stale info|unable to lock|failed to lock/i;
/** `[rejected]` reasons of a push behind the remote. */
const BEHIND_REASON = /fetch first|non-fast-forward|stale info/i;
/** A receive-pack that could not write into a path remote's object store. */
const NO_WRITE_ACCESS = /insufficient permission|unable to create temporary object directory|permission denied/i;

const DENIED = [
  /permission denied/i,
  /authentication failed/i,
  /could not read (username|password)/i,
  /returned error: (401|403|404|407)\b/i,
  /repository .*not found|repository not found/i,
  /could not be found or you don't have permission/i,
  /access denied|not authorized|insufficient permission/i,
];

const UNREACHABLE = [
  /could not resolve (host|hostname|proxy)/i,
  /connection (refused|timed out|reset)|connection closed by/i,
  /failed to connect to|couldn't connect to server/i,
  /no route to host|network is unreachable/i,
  /timed out/i,
  /early eof|the remote end hung up|unexpected disconnect|empty reply from server|recv failure|rpc failed/i,
  /operation too slow/i,
  /returned error: (502|503|504)\b/i,
  /does not appear to be a git repository/i,
];

/** "Unable to create '<path>.lock': File exists": a held or stale lock, in the remote or here. */
function lockOf(text: string): RemoteOutcome | undefined {
  const match = /^(remote:\s*)?.*Unable to create '([^'\n]+\.lock)': File exists/m.exec(text);
  if (!match) return undefined;
  return { kind: 'locked', where: match[1] ? 'remote' : 'local', path: match[2]!.replace(/\/\.\//g, '/') };
}

export function classifyPush(result: GitOutput): RemoteOutcome {
  if (result.code === 0) return { kind: 'ok' };
  const text = textOf(result);
  const lock = lockOf(text);
  if (lock) return lock;
  const remoteRejected = /^\s*!\s*\[remote rejected\][^(\n]*\(([^)\n]*)\)/m.exec(text);
  if (remoteRejected) {
    const reason = remoteRejected[1]!.trim();
    if (RACE_REASON.test(reason)) return { kind: 'raced' };
    if (/unpacker error/i.test(reason) && NO_WRITE_ACCESS.test(text)) {
      return { kind: 'denied', detail: matchingLine(text, NO_WRITE_ACCESS) ?? reason };
    }
    return { kind: 'refused', reason: reason || 'no reason given', remoteLines: remoteLinesOf(text) };
  }
  const rejected = /^\s*!\s*\[rejected\][^(\n]*\(([^)\n]*)\)/m.exec(text);
  if (rejected && BEHIND_REASON.test(rejected[1]!)) return { kind: 'raced' };
  return classifyFailure(text);
}

export function classifyFetch(result: GitOutput): RemoteOutcome {
  if (result.code === 0) return { kind: 'ok' };
  if (isMissingRemoteBranch(result)) return { kind: 'ok' };
  return lockOf(textOf(result)) ?? classifyFailure(textOf(result));
}

/** An empty remote (nobody pushed the branch yet): nothing to bring in, and nothing to rebase onto. */
export function isMissingRemoteBranch(result: GitOutput): boolean {
  return result.code !== 0 && /couldn't find remote ref/i.test(textOf(result));
}

function classifyFailure(text: string): RemoteOutcome {
  for (const [kind, patterns] of [
    ['denied', DENIED],
    ['unreachable', UNREACHABLE],
  ] as const) {
    for (const pattern of patterns) {
      const line = matchingLine(text, pattern);
      if (line !== undefined) return { kind, detail: line };
    }
  }
  return { kind: 'failed', detail: firstMeaningfulLine(text) };
}

function textOf(result: GitOutput): string {
  return (result.stderr || result.stdout).replace(/\r\n?/g, '\n');
}

/** git's own prefixes, and the "remote:" a host's lines arrive with. */
function bare(line: string): string {
  return line
    .replace(/^remote:\s?/, '')
    .replace(/^(fatal|error):\s*/i, '')
    .trim();
}

/** Lines that carry no reason: hints, "To <url>", and git's boilerplate after any failure. */
function isNoise(line: string): boolean {
  return (
    line === '' ||
    !/[\p{L}\p{N}]/u.test(line) ||
    /^hint:/i.test(line) ||
    /^To \S/.test(line) ||
    /^(could not read from remote repository|please make sure you have the correct access rights|and the repository exists)\.?$/i.test(line)
  );
}

function matchingLine(text: string, pattern: RegExp): string | undefined {
  for (const raw of text.split('\n')) {
    if (/^hint:/i.test(raw)) continue;
    const line = bare(raw);
    if (pattern.test(line)) return line;
  }
  return undefined;
}

export function firstMeaningfulLine(text: string): string {
  const lines = text
    .split('\n')
    .filter((raw) => !/^hint:/i.test(raw))
    .map(bare);
  return lines.find((line) => !isNoise(line)) ?? lines.find((line) => line !== '') ?? 'no reason given';
}

/** What the host itself said (`remote: …` lines), for the user to read; never interpreted. */
function remoteLinesOf(text: string): string[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('remote:'))
    .map((line) => line.replace(/^remote:\s?/, '').trim())
    .filter((line) => /[\p{L}\p{N}]/u.test(line));
}
