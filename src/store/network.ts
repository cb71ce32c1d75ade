import { gitEnvironment } from './gitEnvironment.js';
import { gitEnv, runGit, type GitResult } from './git.js';

/**
 * Every git that talks to the remote runs here, bounded: a remote that accepts the connection and
 * then says nothing (a dropped VPN, a wedged server, a captive portal) must not hang a write or a
 * catchup. Three limits, each only where the user has not set their own:
 * - http(s): git's low-speed limit (under 100 bytes/s for 30 s aborts), which git and curl apply to
 *   the whole transfer, silence included;
 * - ssh: a connect timeout and keep-alives, unless GIT_SSH_COMMAND, GIT_SSH or core.sshCommand
 *   choose the ssh command (then its options are the user's);
 * - overall: fetch, push and ls-remote are killed after ASYNC_NETWORK_TIMEOUT seconds (default 180;
 *   0 turns it off). A clone has no overall limit (a big workspace may take minutes), only the two above.
 */
export const DEFAULT_NETWORK_TIMEOUT_S = 180;

export type NetworkVerb = 'fetch' | 'push' | 'ls-remote' | 'clone';

type UserSettings = { lowSpeed: boolean; ssh: boolean };

/** Per run (each run has its own environment object) and repository: asked of git once. */
const asked = new WeakMap<object, Map<string, Promise<UserSettings>>>();

/** What the user configured for themselves (git config, any level). */
function configured(cwd: string, env: object): Promise<UserSettings> {
  const perRun = asked.get(env) ?? new Map<string, Promise<UserSettings>>();
  asked.set(env, perRun);
  let settings = perRun.get(cwd);
  if (!settings) {
    settings = runGit(cwd, ['config', '--get-regexp', '^(http\\.lowspeed(limit|time)|core\\.sshcommand)$']).then((result) => ({
      lowSpeed: /^http\.lowspeed/im.test(result.stdout),
      ssh: /^core\.sshcommand /im.test(result.stdout),
    }));
    perRun.set(cwd, settings);
  }
  return settings;
}

export async function networkEnv(
  cwd: string,
  env: Readonly<Record<string, string | undefined>> = gitEnvironment(),
): Promise<Record<string, string>> {
  const mine = await configured(cwd, env);
  const extra: Record<string, string> = {};
  if (!mine.lowSpeed && env.GIT_HTTP_LOW_SPEED_LIMIT === undefined && env.GIT_HTTP_LOW_SPEED_TIME === undefined) {
    extra.GIT_HTTP_LOW_SPEED_LIMIT = '100';
    extra.GIT_HTTP_LOW_SPEED_TIME = '30';
  }
  if (!mine.ssh && env.GIT_SSH_COMMAND === undefined && env.GIT_SSH === undefined) {
    extra.GIT_SSH_COMMAND = 'ssh -o ConnectTimeout=20 -o ServerAliveInterval=10 -o ServerAliveCountMax=3';
  }
  return extra;
}

export function networkTimeoutMs(verb: NetworkVerb, env: Readonly<Record<string, string | undefined>> = gitEnvironment()): number {
  if (verb === 'clone') return 0;
  const given = env.ASYNC_NETWORK_TIMEOUT;
  const seconds = given === undefined || given.trim() === '' ? DEFAULT_NETWORK_TIMEOUT_S : Number(given);
  return Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 0;
}

/**
 * Config for one git run, through the environment after the entries gitEnv sets (git refuses
 * nothing there, and no value reaches the command line).
 */
export function configEnv(pairs: Readonly<Record<string, string>>): Record<string, string> {
  const start = Number(gitEnv(gitEnvironment()).GIT_CONFIG_COUNT) || 0;
  const env: Record<string, string> = {};
  Object.entries(pairs).forEach(([key, value], i) => {
    env[`GIT_CONFIG_KEY_${start + i}`] = key;
    env[`GIT_CONFIG_VALUE_${start + i}`] = value;
  });
  env.GIT_CONFIG_COUNT = String(start + Object.keys(pairs).length);
  return env;
}

/** `git <verb> …` against the remote, with the limits above. */
export async function runNetworkGit(
  cwd: string,
  verb: NetworkVerb,
  args: readonly string[],
  extraEnv: Readonly<Record<string, string>> = {},
  input?: string,
): Promise<GitResult> {
  return runGit(cwd, [verb, ...args], input, { ...(await networkEnv(cwd)), ...extraEnv }, { timeoutMs: networkTimeoutMs(verb) });
}
