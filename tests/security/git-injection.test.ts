/**
 * Threat: text that git would read as an option or a command-running transport. A remote URL
 * someone sends you to join (`--upload-pack=…`, `ext::…`, `-c …`, an ssh host that is an option);
 * or what a teammate commits: file names, tags, notes, links, handles that look like options,
 * a .gitmodules naming an ext:: URL, a .gitattributes naming filter drivers.
 * Expected: nothing executed (a canary file a payload would create never appears), no workspace
 * text reaches a git command line, a clear one-line message where something is refused.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { makeSandbox, runInProcess, type Sandbox } from '../helpers/cli.js';
import { makeBareRemote } from '../helpers/git.js';
import { NOW, asVictim, attack, buildTeam, copyTeam, entryPath, entryText, expectInert, yq, type Team } from '../helpers/hostile.js';
import { script, shq } from '../helpers/shell.js';

/** Payloads that create `canary` if anything ever hands them to git or a shell. */
function payloads(canary: string): string[] {
  return [
    `--upload-pack=touch ${canary}`,
    `--config=core.sshCommand=touch ${canary}`,
    `-c core.pager=touch ${canary}`,
    `-cprotocol.ext.allow=always`,
    `--output=${canary}`,
    `--exec=touch ${canary}`,
    `ext::sh -c touch% ${canary}`,
    `$(touch ${canary})`,
  ];
}

describe('remote URLs that are options or transports, given to init and join', () => {
  let box: Sandbox;
  let remote: string;
  beforeAll(() => {
    box = makeSandbox();
    remote = makeBareRemote(box.dir);
  });
  afterAll(() => box.cleanup());

  const canaryOf = () => join(box.dir, 'url-pwned');
  // [url, exit code, what the message says]
  const rows: [string, (canary: string) => string, number, RegExp][] = [
    ['--upload-pack=…', (c) => `--upload-pack=touch ${c}`, 2, /is not a remote URL/],
    ['--config=core.sshCommand=…', (c) => `--config=core.sshCommand=touch ${c}`, 2, /is not a remote URL/],
    ['-c core.sshCommand=…', (c) => `-c core.sshCommand=touch ${c}`, 2, /is not a remote URL/],
    ['-cprotocol.ext.allow=always', () => '-cprotocol.ext.allow=always', 2, /is not a remote URL/],
    ['--output=FILE', (c) => `--output=${c}`, 2, /is not a remote URL/],
    ['ext:: transport', (c) => `ext::sh -c touch% ${c}`, 2, /helper transports/],
    ['fd:: transport', () => 'fd::0', 2, /helper transports/],
    ['ssh host that is an option', (c) => `ssh://-oProxyCommand=touch%20${c}/team.git`, 1, /Cannot reach the remote|strange hostname/],
    ['scp-style host that is an option', (c) => `-oProxyCommand=touch ${c}:team.git`, 2, /is not a remote URL/],
    ['a URL with a newline and an option', (c) => `${remote}\n--upload-pack=touch ${c}`, 2, /helper transports|is not a remote URL/],
  ];
  // store/remote.ts quotes the URL as given, so its newline splits the message in two (reported to
  // the write path's owners); the refusal itself is what this row proves.
  const quotedRaw = (url: string) => url.includes('\n');

  it.each(rows)('init --remote %s: refused, nothing run, nothing created', async (_name, url, code, message) => {
    const canary = canaryOf();
    const result = await runInProcess(['init', 'ws-init', `--remote=${url(canary)}`, '--as', 'eve', '--tz', 'UTC'], {
      cwd: box.dir,
      env: box.env,
      now: NOW,
    });
    expect(result.code, result.stderr).toBe(code);
    expect(result.stderr).toMatch(message);
    if (!quotedRaw(url(canary))) expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expectInert(result);
    expect(existsSync(canary)).toBe(false);
    expect(existsSync(join(box.dir, 'ws-init'))).toBe(false);
  });

  it.each(rows)('join %s: refused, nothing run, nothing created', async (_name, url, code, message) => {
    const canary = canaryOf();
    const result = await runInProcess(['join', '--as', 'eve', '--tz', 'UTC', '--', url(canary), 'ws-join'], {
      cwd: box.dir,
      env: box.env,
      now: NOW,
    });
    expect(result.code, result.stderr).toBe(code);
    expect(result.stderr).toMatch(message);
    if (!quotedRaw(url(canary))) expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expectInert(result);
    expect(existsSync(canary)).toBe(false);
    expect(existsSync(join(box.dir, 'ws-join'))).toBe(false);
  });
});

describe('what a teammate commits never reaches a git command line', () => {
  let template: Team;
  let team: Team;
  beforeAll(async () => {
    template = await buildTeam();
  });
  afterAll(() => template.box.cleanup());
  afterEach(() => team?.box.cleanup());

  /** A `git` first on PATH that records every argv (base64, one call a line), then runs the real one. */
  function gitRecorder(dir: string): { path: string; calls: () => string[][] } {
    const real = execFileSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).trim();
    const shim = join(dir, 'git-shim');
    mkdirSync(shim, { recursive: true });
    const log = join(shim, 'argv.log');
    script(
      shim,
      'git',
      `for a in "$@"; do printf '%s' "$a" | base64 -w0 >> ${shq(log)}; printf ' ' >> ${shq(log)}; done\necho >> ${shq(log)}\nexec ${shq(real)} "$@"`,
    );
    const decode = (line: string) =>
      line
        .trim()
        .split(' ')
        .filter(Boolean)
        .map((b64) => Buffer.from(b64, 'base64').toString('utf8'));
    return { path: shim, calls: () => (existsSync(log) ? readFileSync(log, 'utf8').split('\n').filter(Boolean).map(decode) : []) };
  }

  it('option-like file names, tags, notes, links; .gitmodules with ext::; .gitattributes with filters', async () => {
    team = copyTeam(template);
    const canary = join(team.box.dir, 'git-pwned');
    const hostile = payloads(canary);
    const handoff = '20261124T100000Z-mallory-opts';
    attack(team, [
      {
        path: entryPath(handoff),
        content: entryText({
          id: handoff,
          kind: 'handoff',
          yaml: [
            'to: [alice]',
            `asks: [${hostile.map(yq).join(', ')}]`,
            `tags: [${hostile.map(yq).join(', ')}]`,
            `links: [${hostile.map(yq).join(', ')}]`,
          ],
          notes: hostile.join('\n'),
        }),
      },
      // File names that are options, in a day folder and at the top of the work tree.
      { path: `entries/2026/11/24/--upload-pack=touch ${canary.replace(/\//g, '_')}.md`, content: 'x\n' },
      { path: `-c core.pager=touch ${canary.replace(/\//g, '_')}`, content: 'x\n' },
      { path: 'members/--exec=x.yaml', content: 'tz: UTC\n' },
      // Config-like files git reads from the work tree: they name drivers nobody configured.
      { path: '.gitmodules', content: `[submodule "evil"]\n\tpath = evil\n\turl = ext::sh -c touch% ${canary}\n` },
      { path: '.gitattributes', content: '* filter=evil diff=evil merge=evil\n' },
    ]);
    // A local commit of alice's own, so the pull must rebase (the path most likely to run things).
    const local = await asVictim(team, ['update', '--done', 'before the pull', '--no-push']);
    expect(local.code, local.stderr).toBe(0);

    const recorder = gitRecorder(team.box.dir);
    const env = { PATH: `${recorder.path}:${team.box.env.PATH}` };
    const runs: [string, string[]][] = [
      ['catchup', ['catchup']],
      ['catchup --json', ['catchup', '--peek', '--no-pull', '--json', '--since', '2d']],
      ['who', ['who']],
      ['next', ['next']],
      ['member list', ['member', 'list']],
      ['ack', ['ack', handoff]],
      // A tag is one word (--tag refuses spaces): the look-alike with its space as an underscore.
      ['update', ['update', '--done', 'after the pull', '--tag', hostile[0]!.replace(/\s+/g, '_'), '--note', hostile.join('\n')]],
      ['sync', ['sync']],
    ];
    for (const [name, argv] of runs) {
      const result = await asVictim(team, argv, env);
      expect(result.code, `${name}: ${result.stderr}`).toBe(0);
      expectInert(result, name);
    }
    const json = JSON.parse((await asVictim(team, ['catchup', '--peek', '--no-pull', '--json', '--since', '2d'])).stdout);
    expect(json.entries.find((e: { id: string }) => e.id === handoff).tags).toEqual(hostile);
    expect(json.warnings.join('\n')).toContain('skipped members/--exec=x.yaml');

    const calls = recorder.calls();
    // Every step ran (a commit is `commit`, or `commit-tree` on the write path's fast path).
    const verbs = calls.map((args) => args[0]);
    expect(verbs).toEqual(expect.arrayContaining(['fetch', 'rebase', 'push', 'add']));
    expect(verbs.some((verb) => verb === 'commit' || verb === 'commit-tree')).toBe(true);
    for (const args of calls) {
      for (const arg of args) {
        expect(arg, args.join(' ')).not.toContain('touch');
        expect(arg, args.join(' ')).not.toMatch(/upload-pack|--exec|ext::/);
      }
    }
    expect(existsSync(canary)).toBe(false);
  });

  it.each([
    ['--as', ['who', '--as', '--upload-pack=touch'], /Unknown handle|handle/],
    ['--author filter', ['catchup', '--peek', '--no-pull', '--author', '-c'], /is not a member of this workspace/],
    ['--tag filter', ['catchup', '--peek', '--no-pull', '--tag', '--upload-pack=x'], null],
    ['ack id', ['ack', '--', '-cfoo=bar'], /No entry with id|not an entry id/],
    ['member add', ['member', 'add', '--tz', 'UTC', '--', '--upload-pack=x'], /handle/],
  ])('a %s that looks like an option is only ever data', async (_name, argv, message) => {
    team = copyTeam(template);
    const recorder = gitRecorder(team.box.dir);
    const result = await asVictim(team, argv, { PATH: `${recorder.path}:${team.box.env.PATH}` });
    if (message) {
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(message);
    } else {
      expect(result.code, result.stderr).toBe(0);
    }
    for (const args of recorder.calls()) for (const arg of args) expect(arg).not.toMatch(/upload-pack|^-c$|-cfoo/);
  });
});
