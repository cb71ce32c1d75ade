import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { userConfigDirOf } from './configDir.js';
import { writeAtomic } from './fsafe.js';

/** Per-user settings, in the platform config directory (XDG on Linux). Never committed. */
export interface UserConfig {
  workspace?: string;
}

export function userConfigDir(ctx: Context): string {
  return userConfigDirOf(ctx.env);
}

export async function readUserConfig(ctx: Context): Promise<UserConfig> {
  const text = await fs.readFile(join(userConfigDir(ctx), 'config.json'), 'utf8').catch(() => undefined);
  if (text === undefined) return {};
  try {
    const value: unknown = JSON.parse(text);
    if (value && typeof value === 'object' && typeof (value as UserConfig).workspace === 'string') {
      return { workspace: (value as UserConfig).workspace };
    }
  } catch {
    // A broken config is the same as none: the user gets the "no workspace" hint.
  }
  return {};
}

/**
 * Records the default workspace. Returns a warning instead of failing: a config folder that
 * cannot be written (a file where the folder should be, a read-only home) must not undo a
 * workspace that was created or cloned; `-w DIR` or ASYNC_WORKSPACE still reach it.
 */
export async function setDefaultWorkspace(ctx: Context, workspace: string): Promise<string | undefined> {
  const dir = userConfigDir(ctx);
  try {
    await fs.mkdir(dir, { recursive: true });
    const config = { ...(await readUserConfig(ctx)), workspace };
    await writeAtomic(dir, 'config.json', `${JSON.stringify(config, null, 2)}\n`);
    return undefined;
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
    return `Could not record ${workspace} as your default workspace in ${dir} (${why}); use -w ${workspace} or set ASYNC_WORKSPACE.`;
  }
}
