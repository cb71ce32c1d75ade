import { relative, resolve } from 'node:path';
import { sanitizeInline } from '../core/sanitize.js';
import { UsageError } from '../errors.js';
import { isWithin, readInside, readRegularFile } from './fsafe.js';

/** A year of a busy calendar is a few hundred kilobytes; a file past this is not a calendar export we can use. */
export const MAX_CALENDAR_BYTES = 8 << 20;

/**
 * The text of a calendar file the user named (`async away import FILE`). One inside the
 * workspace is anyone's, so the workspace's rules hold there (no link followed, see fsafe.ts);
 * one outside is the user's own, and may be a link. Either way it must be a regular file (a
 * FIFO must not hang us) of at most MAX_CALENDAR_BYTES. Any problem is bad input: exit 2.
 */
export async function readCalendarFile(cwd: string, workspaceRoot: string, file: string): Promise<string> {
  const path = resolve(cwd, file);
  const shown = sanitizeInline(file);
  try {
    if (isWithin(workspaceRoot, path)) return await readInside(workspaceRoot, relative(workspaceRoot, path), MAX_CALENDAR_BYTES);
    return await readRegularFile(path, MAX_CALENDAR_BYTES, { followLinks: true });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'it does not exist'
        : code === 'EACCES'
          ? 'permission denied'
          : code === 'EISDIR'
            ? 'it is a folder'
            : (error as Error).message;
    throw new UsageError(`Cannot read ${shown}: ${sanitizeInline(reason)}.`);
  }
}
