import { homedir } from 'node:os';
import { join } from 'node:path';

/** The platform config directory of async (XDG on Linux); import-light for the prompt's fast path. */
export function userConfigDirOf(env: Readonly<Record<string, string | undefined>>): string {
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'async');
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'async');
  if (process.platform === 'darwin') return join(env.HOME ?? homedir(), 'Library', 'Preferences', 'async');
  return join(env.HOME ?? homedir(), '.config', 'async');
}
