/**
 * A team workspace made with the CLI, and a teammate (mallory) who writes whatever she likes into
 * it with plain git, as anyone with push access can. The team is built once per test file and
 * copied for each case, so every row starts from the same clean workspace.
 */
import { spawn } from 'node:child_process';
import {
  closeSync,
  cpSync,
  lstatSync,
  openSync,
  readlinkSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { expect } from 'vitest';
import { BIN, makeSandbox, runInProcess, type RunResult, type Sandbox } from './cli.js';
import { gitIn, makeBareRemote } from './git.js';

export const NOW = '2026-11-24T12:00:00Z';
/** A file outside every workspace whose content must never appear in any output. */
export const CANARY_TEXT = 'CANARY-SECRET-7f3a9c';

export interface Team {
  box: Sandbox;
  remote: string;
  /** The victim's clone (alice, Europe/Berlin, online at NOW). */
  alice: string;
  /** The attacker's clone: plain git, her own commits. */
  mallory: string;
  /** A secret in the sandbox, outside the workspace. */
  secret: string;
  /** A directory outside the workspace holding files that look like workspace files. */
  outside: string;
}

export async function buildTeam(): Promise<Team> {
  const box = makeSandbox();
  const remote = makeBareRemote(box.dir);
  const run = (argv: string[]) => runInProcess(argv, { cwd: box.dir, env: box.env, now: NOW });
  const steps = [
    ['init', 'alice', '--team', 'Platform', '--remote', remote, '--as', 'alice', '--tz', 'Europe/Berlin', '--hours', '09:00-17:30'],
    ['join', remote, 'bob', '--as', 'bob', '--tz', 'America/Los_Angeles', '--name', 'Bob Builder'],
    ['join', remote, 'mallory', '--as', 'mallory', '--tz', 'Asia/Tokyo', '--name', 'Mallory'],
  ];
  for (const argv of steps) {
    const result = await run(argv);
    if (result.code !== 0) throw new Error(`setup failed: ${argv.join(' ')}: ${result.stderr}`);
  }
  gitIn(join(box.dir, 'alice'), ['pull', '--quiet'], box.env);
  const team = {
    box,
    remote,
    alice: join(box.dir, 'alice'),
    mallory: join(box.dir, 'mallory'),
    secret: join(box.dir, 'secret.txt'),
    outside: join(box.dir, 'outside'),
  };
  writeFileSync(team.secret, `${CANARY_TEXT}\n`);
  plantOutside(team.outside);
  return team;
}

/** The id of the entry planted outside: bob's, so it would show in alice's catchup if it were read. */
export const OUTSIDE_ENTRY_ID = '20261124T090000Z-bob-zzzz';

/**
 * Files outside the workspace that a link could point at, each of which would parse if it were
 * read: an entry (also in a whole `tree/2026/11/24/` of folders), member files, team settings, a
 * template that would put the canary into a new entry.
 */
function plantOutside(dir: string): void {
  const id = OUTSIDE_ENTRY_ID;
  const entry = `---\nid: ${id}\nkind: update\nauthor: bob\ncreated: 2026-11-24T09:00:00Z\ndone: ["${CANARY_TEXT} entry"]\n---\n${CANARY_TEXT}\n`;
  const member = `handle: eve\nname: "${CANARY_TEXT} member"\ntz: UTC\n`;
  for (const sub of ['tree/2026/11/24', 'members', 'templates']) mkdirSync(join(dir, sub), { recursive: true });
  writeFileSync(join(dir, 'tree/2026/11/24', `${id}.md`), entry);
  writeFileSync(join(dir, 'entry.md'), entry);
  writeFileSync(join(dir, 'members', 'eve.yaml'), member);
  writeFileSync(join(dir, 'members', 'bob.yaml'), member.replace(/eve/g, 'bob'));
  writeFileSync(join(dir, 'member.yaml'), member.replace(/eve/g, 'bob'));
  writeFileSync(join(dir, 'async.yaml'), `team: "${CANARY_TEXT} team"\n`);
  const template = `## Done\n\n- ${CANARY_TEXT} template\n\n## Notes\n\n${CANARY_TEXT}\n`;
  writeFileSync(join(dir, 'templates', 'update.md'), template);
  writeFileSync(join(dir, 'template.md'), template);
}

/** A fresh copy of the team in a new sandbox: remotes, clones and the secret, paths rewritten. */
export function copyTeam(template: Team): Team {
  const dir = mkdtempSync(join(tmpdir(), 'async-hostile-'));
  cpSync(template.box.dir, dir, { recursive: true, verbatimSymlinks: true });
  for (const clone of ['alice', 'bob', 'mallory']) {
    const config = join(dir, clone, '.git', 'config');
    writeFileSync(config, readFileSync(config, 'utf8').split(template.box.dir).join(dir));
  }
  const env: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries(template.box.env)) env[key] = value?.split(template.box.dir).join(dir);
  const box: Sandbox = { dir, env, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
  const moved = (path: string) => path.split(template.box.dir).join(dir);
  return {
    box,
    remote: moved(template.remote),
    alice: moved(template.alice),
    mallory: moved(template.mallory),
    secret: moved(template.secret),
    outside: moved(template.outside),
  };
}

export type HostileFile = { path: string; content: string | Buffer } | { path: string; symlink: string } | { path: string; remove: true };

/** Mallory writes the files (or links, or deletions) in her clone, commits with plain git and pushes. */
export function attack(team: Team, files: readonly HostileFile[], message = 'innocent commit'): void {
  for (const file of files) {
    const path = join(team.mallory, file.path);
    if ('remove' in file) {
      rmSync(path, { recursive: true, force: true });
      continue;
    }
    mkdirSync(dirname(path), { recursive: true });
    rmSync(path, { recursive: true, force: true });
    if ('symlink' in file) symlinkSync(file.symlink, path);
    else writeFileSync(path, file.content);
  }
  const env = team.box.env;
  // --sparse: Mallory's clone is a member's clone, and a hostile path may lie outside its checkout.
  gitIn(team.mallory, ['add', '--all', '--sparse'], env);
  gitIn(
    team.mallory,
    ['-c', 'user.name=Mallory', '-c', 'user.email=mallory@example.com', 'commit', '--quiet', '--allow-empty', '-m', message],
    env,
  );
  gitIn(team.mallory, ['push', '--quiet', 'origin', 'HEAD:main'], env);
}

/** The victim's view: runs the CLI in-process in alice's clone, with the fixed clock. */
export function asVictim(team: Team, argv: string[], extraEnv: Record<string, string> = {}): Promise<RunResult> {
  return runInProcess(argv, { cwd: team.alice, env: { ...team.box.env, ...extraEnv }, now: NOW });
}

/**
 * Characters that must never reach a terminal raw: C0 but \n, DEL, C1, bidi controls, zero-width
 * and other invisible format characters, line separators, blank-looking fillers, tag characters.
 */
export const RAW_CONTROL =
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u00ad\u034f\u0600-\u0605\u061c\u06dd\u070f\u115f\u1160\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\u3164\ufeff\uffa0\ufff9-\ufffb\u{e0000}-\u{e007f}]/u;

export function rawControls(text: string): string[] {
  return [...text]
    .filter((char) => RAW_CONTROL.test(char))
    .map((char) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`);
}

/** Nothing a terminal could act on reached stdout or stderr. */
export function expectInert(result: RunResult, label = ''): void {
  expect(rawControls(result.stdout), `${label} stdout`).toEqual([]);
  expect(rawControls(result.stderr), `${label} stderr`).toEqual([]);
}

/** The canary secret appears nowhere in the result. */
export function expectNoCanary(result: RunResult, label = ''): void {
  expect(result.stdout, `${label} stdout`).not.toContain(CANARY_TEXT);
  expect(result.stderr, `${label} stderr`).not.toContain(CANARY_TEXT);
}

/** A YAML double-quoted scalar with every character outside printable ASCII escaped. */
export function yq(text: string): string {
  let out = '"';
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === '"' || char === '\\') out += `\\${char}`;
    else if (code >= 0x20 && code < 0x7f) out += char;
    else if (code <= 0xffff) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += `\\U${code.toString(16).padStart(8, '0')}`;
  }
  return `${out}"`;
}

export interface EntrySpec {
  id: string;
  kind?: 'update' | 'handoff' | 'ack';
  created?: string;
  /** Raw YAML lines added to the front matter, after the identity keys. */
  yaml?: string[];
  notes?: string;
}

/** An entry file as mallory would write it by hand. `created` defaults to what the id says. */
export function entryText(spec: EntrySpec): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z-([a-z0-9_-]+)-/.exec(spec.id);
  const created = spec.created ?? (m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z` : '2026-11-24T10:00:00Z');
  const author = m?.[7] ?? 'mallory';
  const front = [`id: ${spec.id}`, `kind: ${spec.kind ?? 'update'}`, `author: ${author}`, `created: ${created}`, ...(spec.yaml ?? [])];
  return `---\n${front.join('\n')}\n---\n${spec.notes ?? ''}\n`;
}

export function entryPath(id: string): string {
  return `entries/${id.slice(0, 4)}/${id.slice(4, 6)}/${id.slice(6, 8)}/${id}.md`;
}

/**
 * Every path under `dir` with what it holds (file content, link target), skipping the top-level
 * names in `except`: a snapshot for checking that nothing outside the workspace was written.
 */
export function snapshotTree(dir: string, except: readonly string[] = []): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const name of readdirSync(join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      if (!sub && except.includes(name)) continue;
      const info = lstatSync(join(dir, rel));
      if (info.isSymbolicLink()) out[rel] = `-> ${readlinkSync(join(dir, rel))}`;
      else if (info.isDirectory()) {
        out[rel] = 'dir';
        walk(rel);
      } else out[rel] = readFileSync(join(dir, rel), 'utf8');
    }
  };
  walk('');
  return out;
}

/** The sandbox outside the three clones and the remote: what no command may change. */
export function outsideSnapshot(team: Team): Record<string, string> {
  return snapshotTree(team.box.dir, ['alice', 'bob', 'mallory', 'remote.git']);
}

/**
 * The built binary with stdout and stderr redirected to files (not pipes), stdin at end of file:
 * `async who > out.txt 2> err.txt`, as a cron job or a script would run it.
 */
export function runBinToFiles(
  argv: string[],
  options: { cwd: string; env: Record<string, string | undefined>; dir: string; timeoutMs?: number },
): Promise<RunResult & { timedOut: boolean }> {
  const outPath = join(options.dir, `stdout-${process.pid}-${Date.now()}.txt`);
  const errPath = join(options.dir, `stderr-${process.pid}-${Date.now()}.txt`);
  const out = openSync(outPath, 'w');
  const err = openSync(errPath, 'w');
  return new Promise((resolvePromise) => {
    const child = spawn(process.execPath, [BIN, ...argv], {
      cwd: options.cwd,
      env: options.env as NodeJS.ProcessEnv,
      stdio: ['ignore', out, err],
    });
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, options.timeoutMs ?? 10_000);
    child.on('close', (code) => {
      clearTimeout(timer);
      closeSync(out);
      closeSync(err);
      resolvePromise({ code: code ?? 1, stdout: readFileSync(outPath, 'utf8'), stderr: readFileSync(errPath, 'utf8'), timedOut });
    });
  });
}
