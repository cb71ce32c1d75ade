import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { parseMemberFile, parseTeamSettings, serializeMember } from '../core/member.js';
import type { Member, TeamSettings } from '../core/types.js';
import { OperationError, UsageError } from '../errors.js';
import { readInside, resolveInside, writeAtomic } from './fsafe.js';
import { TEAM_FILE, type Workspace } from './workspace.js';

export const MEMBERS_DIR = 'members';

export interface Roster {
  settings: TeamSettings;
  members: Member[];
  /** One sentence per skipped file, naming it. */
  warnings: string[];
}

export async function readTeamSettings(ws: Workspace): Promise<{ settings: TeamSettings; warnings: string[] }> {
  let text: string;
  try {
    text = await readInside(ws.root, TEAM_FILE, 256 << 10);
  } catch (error) {
    throw new OperationError(`Cannot read ${TEAM_FILE}: ${(error as Error).message}.`);
  }
  const { settings, warnings, errors } = parseTeamSettings(text);
  if (errors.length > 0) {
    throw new UsageError(`${TEAM_FILE} is invalid: ${errors[0]}`, 'Fix the file (it is plain YAML) and commit it.');
  }
  return { settings, warnings: warnings.map((w: string) => `${TEAM_FILE}: ${w}`) };
}

/** The team: every member file that parses; the others are named in `warnings`, never fatal. */
export async function readRoster(ws: Workspace): Promise<Roster> {
  const { settings, warnings } = await readTeamSettings(ws);
  const dirents = await fs.readdir(join(ws.root, MEMBERS_DIR), { withFileTypes: true }).catch(() => []);
  const files = dirents.filter((d) => d.name.endsWith('.yaml') && !d.name.startsWith('.')).sort((a, b) => (a.name < b.name ? -1 : 1));
  const results = await Promise.all(
    files.map(async (dirent) => {
      const rel = `${MEMBERS_DIR}/${dirent.name}`;
      if (!dirent.isFile()) return { rel, error: dirent.isSymbolicLink() ? 'it is a symbolic link' : 'it is not a regular file' };
      try {
        const parsed = parseMemberFile(await readInside(ws.root, rel, 64 << 10), dirent.name.slice(0, -'.yaml'.length), settings.defaults);
        return parsed.ok ? { rel, member: parsed.member } : { rel, error: parsed.error };
      } catch (error) {
        return { rel, error: (error as Error).message };
      }
    }),
  );
  const members: Member[] = [];
  for (const result of results) {
    if ('member' in result && result.member) members.push(result.member);
    else warnings.push(`skipped ${result.rel}: ${trimDot(result.error ?? 'unreadable')}.`);
  }
  return { settings, members, warnings };
}

export function memberPath(handle: string): string {
  return `${MEMBERS_DIR}/${handle}.yaml`;
}

export async function writeMember(ws: Workspace, member: Member): Promise<string> {
  const rel = memberPath(member.handle);
  await writeAtomic(ws.root, rel, serializeMember(member));
  return rel;
}

export async function removeMemberFile(ws: Workspace, handle: string): Promise<string> {
  const rel = memberPath(handle);
  await fs.rm(await resolveInside(ws.root, rel));
  return rel;
}

export function findMember(roster: Roster, handle: string): Member {
  const member = roster.members.find((m) => m.handle === handle);
  if (!member) {
    const known = roster.members.map((m) => m.handle).join(', ') || 'none yet';
    throw new UsageError(`Unknown handle "${handle}".`, `Members: ${known}.`);
  }
  return member;
}

function trimDot(text: string): string {
  return text.replace(/\.\s*$/, '');
}
