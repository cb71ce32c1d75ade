import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { OperationError } from '../errors.js';
import {
  CRON_MARKER,
  cronLine,
  editCrontab,
  LAUNCHD_LABEL,
  launchdPlist,
  systemdService,
  systemdTimer,
  TIMER_NAME,
} from '../core/remindTimer.js';
import { commandOnPath } from './commandPath.js';

/**
 * The one user-level timer of `async remind install`, and its removal: a systemd user timer when
 * `systemctl --user` answers, else a crontab line, on macOS a launchd agent. Opt-in: nothing here
 * runs unless the user asks. What it writes is all under the user's own config or crontab.
 */

type Env = Readonly<Record<string, string | undefined>>;

export interface TimerPlan {
  kind: 'systemd' | 'cron' | 'launchd';
  /** Files to write (install) or remove (uninstall). */
  files: { path: string; content?: string }[];
  /** Commands to run after the files are in place (install) or before they go (uninstall). */
  commands: string[][];
  /** Cron: the crontab to install with `crontab -`. */
  crontab?: string;
  /** Cron: the line added or removed. */
  cronLine?: string;
}

export interface ToolResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** A tool that does not answer in this time is killed and counts as failed (a notifier with no session bus may hang). */
const TOOL_TIMEOUT_MS = 10_000;

/** Runs an OS tool found on `env.PATH`; one that is missing exits 127, as a shell says. */
export function runTool(env: Env, argv: readonly string[], input?: string): Promise<ToolResult> {
  return new Promise((resolve) => {
    const [cmd, ...args] = argv;
    const child = spawn(cmd!, args, { env: env as NodeJS.ProcessEnv, stdio: ['pipe', 'pipe', 'pipe'], timeout: TOOL_TIMEOUT_MS });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', () => resolve({ code: 127, stdout, stderr }));
    child.on('close', (code) => resolve({ code: code ?? 1, stdout, stderr }));
    child.stdin.on('error', () => {});
    child.stdin.end(input);
  });
}

const home = (env: Env) => env.HOME ?? homedir();
const systemdDir = (env: Env) => join(env.XDG_CONFIG_HOME || join(home(env), '.config'), 'systemd', 'user');
const plistPath = (env: Env) => join(home(env), 'Library', 'LaunchAgents', `${LAUNCHD_LABEL}.plist`);
const unitPaths = (env: Env) => ({
  service: join(systemdDir(env), `${TIMER_NAME}.service`),
  timer: join(systemdDir(env), `${TIMER_NAME}.timer`),
});

const exists = (path: string) =>
  fs.lstat(path).then(
    () => true,
    () => false,
  );

async function systemdUsable(env: Env): Promise<boolean> {
  if (!(await commandOnPath('systemctl', env.PATH))) return false;
  return (await runTool(env, ['systemctl', '--user', 'show-environment'])).code === 0;
}

/** The crontab as `crontab -l` gives it; none yet is empty (crontab says so and exits 1). */
async function currentCrontab(env: Env): Promise<string> {
  const listed = await runTool(env, ['crontab', '-l']);
  if (listed.code === 0) return listed.stdout;
  if (/no crontab/i.test(listed.stderr)) return '';
  throw new OperationError(`crontab -l failed: ${listed.stderr.trim().split('\n')[0] || `exit ${listed.code}`}.`);
}

export async function planInstall(env: Env, argv: readonly string[], platform: NodeJS.Platform): Promise<TimerPlan> {
  if (platform === 'darwin') {
    const path = plistPath(env);
    return { kind: 'launchd', files: [{ path, content: launchdPlist(argv) }], commands: [['launchctl', 'load', '-w', path]] };
  }
  if (await systemdUsable(env)) {
    const paths = unitPaths(env);
    return {
      kind: 'systemd',
      files: [
        { path: paths.service, content: systemdService(argv) },
        { path: paths.timer, content: systemdTimer() },
      ],
      commands: [
        ['systemctl', '--user', 'daemon-reload'],
        ['systemctl', '--user', 'enable', '--now', `${TIMER_NAME}.timer`],
      ],
    };
  }
  if (await commandOnPath('crontab', env.PATH)) {
    const line = cronLine(argv);
    return { kind: 'cron', files: [], commands: [], crontab: editCrontab(await currentCrontab(env), line), cronLine: line };
  }
  throw new OperationError(
    'Found neither a systemd user manager (systemctl --user) nor crontab here, so no timer can be installed.',
    "Run 'async remind --due' from your own scheduler every 15 minutes.",
  );
}

/** What install left, of every kind (an install on another day may have used another). */
export async function planUninstall(env: Env, platform: NodeJS.Platform): Promise<TimerPlan[]> {
  const plans: TimerPlan[] = [];
  const paths = unitPaths(env);
  const units = [];
  for (const path of [paths.timer, paths.service]) if (await exists(path)) units.push({ path });
  if (units.length > 0) {
    const systemctl = await commandOnPath('systemctl', env.PATH);
    plans.push({
      kind: 'systemd',
      files: units,
      commands: systemctl ? [['systemctl', '--user', 'disable', '--now', `${TIMER_NAME}.timer`]] : [],
    });
  }
  if (await commandOnPath('crontab', env.PATH)) {
    const current = await currentCrontab(env).catch(() => '');
    const line = current.split('\n').find((existing) => existing.endsWith(CRON_MARKER));
    if (line !== undefined) plans.push({ kind: 'cron', files: [], commands: [], crontab: editCrontab(current), cronLine: line });
  }
  if (platform === 'darwin' && (await exists(plistPath(env)))) {
    plans.push({ kind: 'launchd', files: [{ path: plistPath(env) }], commands: [['launchctl', 'unload', '-w', plistPath(env)]] });
  }
  return plans;
}

async function mustRun(env: Env, argv: readonly string[], input?: string): Promise<void> {
  const result = await runTool(env, argv, input);
  if (result.code !== 0)
    throw new OperationError(`${argv.join(' ')} failed: ${result.stderr.trim().split('\n')[0] || `exit ${result.code}`}.`);
}

export async function applyInstall(env: Env, plan: TimerPlan): Promise<void> {
  for (const file of plan.files) {
    await fs.mkdir(dirname(file.path), { recursive: true });
    await fs.writeFile(file.path, file.content ?? '', 'utf8');
  }
  if (plan.crontab !== undefined) await mustRun(env, ['crontab', '-'], plan.crontab);
  for (const command of plan.commands) await mustRun(env, command);
}

export async function applyUninstall(env: Env, plan: TimerPlan): Promise<void> {
  // Stopping may fail (the manager is gone): the files still go, so nothing runs again.
  for (const command of plan.commands) await runTool(env, command);
  for (const file of plan.files) await fs.rm(file.path, { force: true });
  if (plan.kind === 'systemd' && plan.commands.length > 0) await runTool(env, ['systemctl', '--user', 'daemon-reload']);
  if (plan.crontab !== undefined) await mustRun(env, ['crontab', '-'], plan.crontab);
}
