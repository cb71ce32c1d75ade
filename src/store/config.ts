import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { userConfigDirOf } from './configDir.js';
import { writeAtomic } from './fsafe.js';

/** Per-user settings, in the platform config directory (XDG on Linux). Never committed. */
export interface UserConfig {
  workspace?: string;
  /** Repositories whose commits `async update` offers as "done" (absolute paths). */
  repos?: string[];
}

export function userConfigDir(ctx: Context): string {
  return userConfigDirOf(ctx.env);
}

export async function readUserConfig(ctx: Context): Promise<UserConfig> {
  const raw = await readRawConfig(ctx);
  const config: UserConfig = {};
  if (typeof raw.workspace === 'string') config.workspace = raw.workspace;
  if (Array.isArray(raw.repos)) config.repos = raw.repos.filter((repo): repo is string => typeof repo === 'string');
  return config;
}

/** The file as written, unknown keys included: a write of one key must keep all the others. */
async function readRawConfig(ctx: Context): Promise<Record<string, unknown>> {
  const text = await fs.readFile(join(userConfigDir(ctx), 'config.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // A broken config is the same as none: the user gets the "no workspace" hint.
  }
  return {};
}

/** Sets some keys of the user config, keeping every other key (ours or a newer version's). Throws. */
export async function writeUserConfig(ctx: Context, patch: Partial<UserConfig>): Promise<void> {
  const dir = userConfigDir(ctx);
  await fs.mkdir(dir, { recursive: true });
  const config = { ...(await readRawConfig(ctx)), ...patch };
  await writeAtomic(dir, 'config.json', `${JSON.stringify(config, null, 2)}\n`);
}

/**
 * Records the default workspace, and returns the one it replaces (when that still exists). A
 * failure is a warning, not an error: a config folder that
 * cannot be written (a file where the folder should be, a read-only home) must not undo a
 * workspace that was created or cloned; `-w DIR` or ASYNC_WORKSPACE still reach it.
 */
export async function setDefaultWorkspace(ctx: Context, workspace: string): Promise<{ warning?: string; previous?: string }> {
  const dir = userConfigDir(ctx);
  try {
    const before = (await readUserConfig(ctx)).workspace;
    await writeUserConfig(ctx, { workspace });
    // Joining a second team must not silently replace the first: the caller says which it was.
    const stillThere = before !== undefined && before !== workspace && (await fs.stat(before).catch(() => undefined))?.isDirectory();
    return stillThere ? { previous: before } : {};
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why =
      code === 'ENOTDIR' || code === 'EEXIST'
        ? 'a file stands where its folder should be'
        : code === 'EACCES' || code === 'EPERM'
          ? 'permission denied'
          : code === 'EROFS'
            ? 'the file system is read-only'
            : (error as Error).message;
    return {
      warning: `Could not record ${workspace} as your default workspace in ${dir} (${why}); use -w ${workspace} or set ASYNC_WORKSPACE.`,
    };
  }
}
