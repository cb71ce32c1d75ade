/**
 * Chat webhook settings (SPEC §7 `async notify`): `notify.json` in the user config directory,
 * keyed by the workspace's real path, mode 0600. Per user and per workspace, never in the shared
 * repository: a webhook URL is a secret (who holds it can post to the channel), and the work tree
 * is what everyone pulls. Not in `.git/async/` either: a clone's .git travels with the clone (a
 * backup, a share, a tarball for a teammate); the config directory is the user's alone, beside
 * their other settings. The cost: a clone moved to another path starts without webhooks.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { decodeHooks, type NotifyHook } from '../core/notify.js';
import { OperationError } from '../errors.js';
import { userConfigDir } from './config.js';
import { writeAtomic } from './fsafe.js';
import type { Workspace } from './workspace.js';

const SETTINGS_FILE = 'notify.json';

async function workspaceKey(ws: Workspace): Promise<string> {
  return fs.realpath(ws.root).catch(() => ws.root);
}

interface SettingsRead {
  workspaces: Record<string, unknown>;
  /** Why the file was not used (it is then left alone, never overwritten). */
  problem?: string;
}

async function readSettings(ctx: Context): Promise<SettingsRead> {
  const path = join(userConfigDir(ctx), SETTINGS_FILE);
  const text = await fs.readFile(path, 'utf8').catch(() => undefined);
  if (text === undefined) return { workspaces: {} };
  try {
    const value = JSON.parse(text) as { workspaces?: unknown };
    if (value && typeof value.workspaces === 'object' && value.workspaces !== null && !Array.isArray(value.workspaces))
      return { workspaces: value.workspaces as Record<string, unknown> };
  } catch {
    // Reported below: the file is the user's, so it is neither guessed at nor replaced.
  }
  return { workspaces: {}, problem: `${path} is not a notification settings file (JSON with "workspaces"); fix or delete it` };
}

export interface HooksRead {
  hooks: NotifyHook[];
  problem?: string;
}

/** This workspace's webhooks for this user. */
export async function readHooks(ctx: Context, ws: Workspace): Promise<HooksRead> {
  const settings = await readSettings(ctx);
  const hooks = decodeHooks(settings.workspaces[await workspaceKey(ws)]);
  return settings.problem ? { hooks, problem: settings.problem } : { hooks };
}

/** Replaces this workspace's webhooks; the other workspaces' stay as they are. */
export async function writeHooks(ctx: Context, ws: Workspace, hooks: readonly NotifyHook[]): Promise<string> {
  const settings = await readSettings(ctx);
  if (settings.problem) throw new OperationError(`${settings.problem}.`);
  const key = await workspaceKey(ws);
  const workspaces = { ...settings.workspaces };
  if (hooks.length > 0) workspaces[key] = hooks;
  else delete workspaces[key];
  const dir = userConfigDir(ctx);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  await writeAtomic(dir, SETTINGS_FILE, `${JSON.stringify({ workspaces }, null, 2)}\n`, { mode: 0o600 });
  return join(dir, SETTINGS_FILE);
}
