import { type BigIntStats, lstatSync, promises as fs, readdirSync, type Stats } from 'node:fs';
import { basename, join, sep } from 'node:path';
import { sanitizeInline } from '../core/sanitize.js';
import type { Member, TeamSettings } from '../core/types.js';
import { UsageError } from '../errors.js';
import { listInside, readInside, skipped } from './fsafe.js';
import { isRoster } from './decode.js';
import { holidaysStamp, readHolidayTables, withHolidays, type HolidayTables } from './holidays.js';
import { checked, readCached, stampKey, writeCached } from './parseCache.js';
import type { FileChange } from './transaction.js';
import { TEAM_FILE, type Workspace } from './workspace.js';

export const MEMBERS_DIR = 'members';
/** A member file is a few hundred bytes. */
const MAX_MEMBER_BYTES = 64 << 10;

export interface Roster {
  settings: TeamSettings;
  members: Member[];
  /** One sentence per skipped file, naming it. */
  warnings: string[];
  /** The public holidays of the regions members use (already given to each member's schedule). */
  holidays?: HolidayTables;
  /** The stamp of the files it was read from (rosterKey), taken before reading them; absent when they are not plain. */
  stamp?: string;
}

/**
 * The team's settings. A broken async.yaml (unreadable, a link, too large, bad YAML, bad values)
 * does not stop anyone: each problem becomes a warning and the built-in default stands in, so
 * catchup and sync keep working and the next pull brings the fix. Only a workspace without the
 * file at all is not a workspace (see workspace.ts).
 */
export async function readTeamSettings(ws: Workspace): Promise<{ settings: TeamSettings; warnings: string[] }> {
  const { DEFAULT_TEAM_DEFAULTS, parseTeamSettings } = await import('../core/member.js');
  let text: string;
  try {
    text = await readInside(ws.root, TEAM_FILE, 64 << 10);
  } catch (error) {
    const settings: TeamSettings = {
      team: teamFallback(ws),
      defaults: { ...DEFAULT_TEAM_DEFAULTS, workdays: [...DEFAULT_TEAM_DEFAULTS.workdays] },
    };
    return { settings, warnings: [ignored(`${readProblem(error)}; using the defaults`)] };
  }
  const { settings, warnings, errors } = parseTeamSettings(text);
  if (settings.team === '') settings.team = teamFallback(ws);
  return { settings, warnings: [...errors.map((e) => `${e}; using the defaults`), ...warnings].map(ignored) };
}

/**
 * The team: every member file that parses; the others are named in `warnings`, never fatal.
 * Served from the local cache while members/ and async.yaml are as they were (see parseCache).
 */
export async function readRoster(ws: Workspace): Promise<Roster> {
  const key = rosterKey(ws);
  const cached = key === undefined ? undefined : await readCached(ws, 'roster', key, checked(isRoster));
  const roster = cached ?? (await parseRoster(ws));
  if (!cached && key !== undefined) await writeCached(ws, 'roster', key, roster);
  // The cache holds plain tables; the schedules get their Maps after it.
  return { ...roster, members: withHolidays(roster.members, roster.holidays), ...(key !== undefined ? { stamp: key } : {}) };
}

/**
 * The stamp of members/, async.yaml and holidays/: the folder's listing plus each file's size,
 * inode and mtime (to the nanosecond, a member file's to a fraction of a microsecond), so a file
 * edited in place (which leaves the folder as it was) is seen. Undefined (no caching) when
 * members/ or async.yaml is not plain. Synchronous: a few thousand stats one after another cost a
 * third of as many promises through the thread pool, and a saved `who` (src/whoFast.ts) does
 * little else.
 */
export function rosterKey(ws: Workspace): string | undefined {
  const folder = join(ws.root, MEMBERS_DIR);
  const dir = lstatOrUndefined(folder);
  const team = lstatOrUndefined(join(ws.root, TEAM_FILE), true);
  if (!dir?.isDirectory() || !team?.isFile()) return undefined;
  let names: string[];
  try {
    names = readdirSync(folder).sort();
  } catch {
    return undefined;
  }
  // readdir's names hold no separator: joined by hand, as path.join normalises each of 2,000 paths.
  // mtimeMs, a double, still tells apart writes a quarter of a microsecond apart; BigInt stats (for
  // mtimeNs) cost a dozen BigInts a file: for 2,000 files about half the lstats' time here.
  const stamps = names
    .map((name) => {
      const info = lstatOrUndefined(`${folder}${sep}${name}`);
      return info ? `${info.size}.${info.ino}.${info.mtimeMs}` : '-';
    })
    .join(',');
  return stampKey({ mtimeMs: dir.mtimeMs, ino: dir.ino, names }, `${team.size}:${team.mtimeNs}:${team.ino}:${stamps}:${holidaysStamp(ws)}`);
}

function lstatOrUndefined(path: string): Stats | undefined;
function lstatOrUndefined(path: string, bigint: true): BigIntStats | undefined;
function lstatOrUndefined(path: string, bigint = false): Stats | BigIntStats | undefined {
  try {
    return lstatSync(path, { throwIfNoEntry: false, bigint });
  } catch {
    return undefined;
  }
}

async function parseRoster(ws: Workspace): Promise<Roster> {
  const { parseMemberFile } = await import('../core/member.js');
  const { settings, warnings } = await readTeamSettings(ws);
  const listed = await listInside(ws.root, MEMBERS_DIR);
  if (listed !== undefined && 'refused' in listed) {
    return { settings, members: [], warnings: [...warnings, skipped(listed.refused.rel, listed.refused.reason)] };
  }
  const files = (listed?.dirents ?? [])
    .filter((d) => d.name.endsWith('.yaml') && !d.name.startsWith('.'))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const results = await Promise.all(
    files.map(async (dirent) => {
      const rel = `${MEMBERS_DIR}/${dirent.name}`;
      if (!dirent.isFile()) return { rel, error: dirent.isSymbolicLink() ? 'it is a symbolic link' : 'it is not a regular file' };
      try {
        const parsed = parseMemberFile(
          await readInside(ws.root, rel, MAX_MEMBER_BYTES),
          dirent.name.slice(0, -'.yaml'.length),
          settings.defaults,
        );
        return parsed.ok ? { rel, member: parsed.member } : { rel, error: parsed.error };
      } catch (error) {
        return { rel, error: readProblem(error) };
      }
    }),
  );
  const members: Member[] = [];
  for (const result of results) {
    if ('member' in result && result.member) members.push(result.member);
    else warnings.push(skipped(result.rel, result.error ?? 'unreadable'));
  }
  const holidays = await readHolidayTables(ws, members);
  return { settings, members, warnings: [...warnings, ...holidays.warnings], holidays: holidays.tables };
}

export function memberPath(handle: string): string {
  return `${MEMBERS_DIR}/${handle}.yaml`;
}

/** The change that writes the member's file, keeping the keys this version does not know (another version's, or a person's). */
export async function memberChange(ws: Workspace, member: Member): Promise<FileChange> {
  const { DEFAULT_TEAM_DEFAULTS, parseMemberFile, serializeMember } = await import('../core/member.js');
  const path = memberPath(member.handle);
  const current = await readInside(ws.root, path, MAX_MEMBER_BYTES).catch(() => undefined);
  const parsed = current === undefined ? undefined : parseMemberFile(current, member.handle, DEFAULT_TEAM_DEFAULTS);
  return { path, content: serializeMember(member, parsed?.ok ? parsed.extra : {}) };
}

/** A regular file at members/<handle>.yaml, parsed or not. */
export async function memberFileExists(ws: Workspace, handle: string): Promise<boolean> {
  return fs.lstat(join(ws.root, memberPath(handle))).then(
    (info) => info.isFile(),
    () => false,
  );
}

export function memberRemoval(handle: string): FileChange {
  return { path: memberPath(handle), content: null };
}

/** A handle the roster does not hold: bad input (exit 2), which a caller may answer with a pull first. */
export class UnknownHandleError extends UsageError {}

/** The member with `handle`; `source` names where a handle the user did not type came from ("ASYNC_USER"). */
export function findMember(roster: Roster, handle: string, source?: string): Member {
  const member = roster.members.find((m) => m.handle === handle);
  if (!member) {
    const known = roster.members.map((m) => m.handle).join(', ') || 'none yet';
    const from = source ? ` (from ${source})` : '';
    throw new UnknownHandleError(`Unknown handle "${sanitizeInline(handle)}"${from}.`, `Members: ${known}.`);
  }
  return member;
}

function ignored(problem: string): string {
  return sanitizeInline(`${TEAM_FILE}: ${problem.replace(/\.\s*$/, '')}.`);
}

function readProblem(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'it is missing';
  if (code === 'EISDIR') return 'it is not a regular file';
  return (error as Error).message;
}

/** A team with no usable name is called after its folder, so headings still say something. */
function teamFallback(ws: Workspace): string {
  return basename(ws.root);
}

export interface Removal {
  /** The git author of the commit that deleted the member file (sanitised). */
  by: string;
  /** Its author date, ISO 8601. */
  at: string;
}

/**
 * Who took `handle` off the roster, from the commit that deleted its file: the removed person's
 * next command says so instead of "cannot tell who you are". `handle` is a validated handle.
 */
export async function removalOf(ws: Workspace, handle: string): Promise<Removal | undefined> {
  const { runGit } = await import('./git.js');
  const result = await runGit(ws.root, ['log', '-1', '--diff-filter=D', '--format=%an%x1f%aI', 'HEAD', '--', memberPath(handle)]);
  const [by, at] = result.code === 0 ? result.stdout.trim().split('\x1f') : [];
  return by && at ? { by: sanitizeInline(by), at } : undefined;
}
