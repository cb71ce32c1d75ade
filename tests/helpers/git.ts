import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

/** Plain git, for setting up and inspecting repositories behind the tool's back. */
export function gitIn(cwd: string, args: string[], env: Record<string, string | undefined> = process.env): string {
  return execFileSync('git', args, { cwd, env: env as NodeJS.ProcessEnv, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

export function makeBareRemote(dir: string, name = 'remote.git'): string {
  const path = join(dir, name);
  mkdirSync(path, { recursive: true });
  gitIn(path, ['init', '--quiet', '--bare', '--initial-branch=main']);
  return path;
}

export function remoteFiles(remote: string, prefix = ''): string[] {
  const out = gitIn(remote, ['ls-tree', '-r', '--name-only', 'main', '--', ...(prefix ? [prefix] : [])]);
  return out.split('\n').filter(Boolean);
}
