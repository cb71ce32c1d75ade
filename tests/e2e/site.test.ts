import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runBin } from '../helpers/cli.js';
import { makeTeam, writtenPath, type Team } from '../helpers/team.js';

/**
 * `async site` with the built binary, over a real team (bare remote, clones). Threat: a teammate's
 * entry or profile carries HTML, script, javascript: links, remote images or terminal controls.
 * Expected: every page is inert (nothing of theirs becomes markup, no request leaves the page), the
 * policy allows exactly the inline blocks it holds, and a wrong DIR changes nothing.
 */
const NOW = '2026-11-24T12:00:00Z';
const HOSTILE_NAME = '"><script>alert("name")</script>';
let team: Team;
const ids: Record<string, string> = {};

function files(dir: string, prefix = ''): string[] {
  return readdirSync(join(dir, prefix), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? files(dir, join(prefix, entry.name)) : [join(prefix, entry.name)],
  );
}

const sha = (text: string) => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

beforeAll(async () => {
  team = await makeTeam(
    [
      { handle: 'alice', tz: 'Europe/Berlin', hours: '09:00-17:00' },
      { handle: 'bob', tz: 'America/New_York', hours: '09:00-17:00', name: HOSTILE_NAME },
      { handle: 'chen', tz: 'Asia/Shanghai', hours: '22:00-06:00' },
    ],
    NOW,
  );
  const write = async (handle: string, argv: string[]) => {
    const result = await team.run(handle, [...argv, '-y']);
    if (result.code !== 0) throw new Error(`${argv.join(' ')}: ${result.stderr}`);
    return writtenPath(result.stdout).replace(/^.*\//, '').replace(/\.md$/, '');
  };
  ids.update = await write('alice', [
    'update',
    '--done',
    'shipped <script>alert(1)</script>',
    '--blocker',
    'need @bob: [creds](javascript:alert(1))',
    '--note',
    '![x](http://evil.example/pixel.png) <img src=x onerror=alert(1)> [docs](https://docs.example/a) \u001b[2J </script><script>alert(2)</script>',
  ]);
  ids.handoff = await write('alice', ['handoff', '--to', 'bob', '--ask', 'review <b>PR</b>', '--note', 'over to you']);
  ids.decision = await write('chen', [
    'decide',
    'Use <em>Postgres</em>',
    '--context',
    'we need a db',
    '--option',
    'pg',
    '--input-by',
    '2026-11-30',
  ]);
  for (const handle of ['bob', 'chen']) await team.run(handle, ['sync']);
}, 120_000);

afterAll(() => team?.cleanup());

describe('async site (built binary)', () => {
  let out: string;
  let pages: Map<string, string>;

  beforeAll(async () => {
    out = join(team.box.dir, 'site-out');
    const result = await team.bin('bob', ['site', out, '--pull']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain(`file://${join(out, 'index.html')}`);
    pages = new Map(
      files(out)
        .filter((f) => f.endsWith('.html'))
        .map((f) => [f, readFileSync(join(out, f), 'utf8')]),
    );
  }, 60_000);

  it('writes the pages, one per entry, and its marker', () => {
    for (const name of ['index.html', 'decisions.html', 'search.html', '.async-site']) expect(existsSync(join(out, name))).toBe(true);
    for (const id of Object.values(ids))
      expect(pages.get(join('entries', `${id}.html`))).toContain(`<article class="entry" data-id="${id}"`);
  });

  it('keeps the HTML contract: timeline rows, the now marker, the waiting list, latest, search', () => {
    const index = pages.get('index.html')!;
    for (const handle of ['alice', 'bob', 'chen'])
      expect(index).toMatch(new RegExp(`class="timeline-row" data-handle="${handle}" data-online="(true|false)"`));
    // 12:00 UTC: alice (08:00-16:00 UTC) is online, bob (14:00-22:00 UTC) is not.
    expect(index).toContain('data-handle="alice" data-online="true"');
    expect(index).toContain('data-handle="bob" data-online="false"');
    expect(index).toMatch(/<line id="now" x1="720"/);
    expect(index).toContain('<section id="timeline">');
    expect(index).toContain('<section id="latest">');
    expect(index).toContain(`data-kind="handoff" data-id="${ids.handoff}"`);
    expect(index).toContain(`data-kind="blocker" data-id="${ids.update}"`);
    expect(index).toContain(`data-kind="decision" data-id="${ids.decision}"`);
    const search = pages.get('search.html')!;
    expect(search).toContain('<input id="search"');
    expect(search).toContain('<ol id="results">');
  });

  it('each page allows exactly its inline script and style, by hash, and nothing external', () => {
    for (const [name, html] of pages) {
      const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)?.[1]?.replace(/&#39;/g, "'");
      expect(csp, name).toBeDefined();
      for (const rule of ["default-src 'none'", "img-src 'none'", "base-uri 'none'", "form-action 'none'"])
        expect(csp, name).toContain(rule);
      const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => sha(m[1]!));
      const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => sha(m[1]!));
      expect(styles, name).toHaveLength(1);
      expect(/script-src ([^;]+)/.exec(csp!)![1]!.trim(), name).toBe(scripts.length === 0 ? "'none'" : scripts.join(' '));
      expect(/style-src ([^;]+)/.exec(csp!)![1]!.trim(), name).toBe(styles.join(' '));
      // Outside entries' own text, no attribute points off the page.
      const outside = html.replace(/<article class="entry"[\s\S]*?<\/article>/g, '');
      expect(outside.match(/\s(?:src|href|action|srcset)="(?:https?:)?\/\/[^"]*"/g) ?? [], name).toEqual([]);
      expect(html, name).not.toMatch(/<[a-z][^>]*\ssrc(?:set)?=|<img|<iframe|<link|<object|<embed|<form/i);
    }
  });

  it('renders hostile entries and profiles inert', () => {
    for (const [name, html] of pages) {
      expect(html, name).not.toContain('<script>alert');
      expect(html, name).not.toMatch(/href="\s*javascript:/i);
      expect(html, name).not.toMatch(/<[a-z]+[^>]*\son[a-z]+=/i);
      expect(html, name).not.toContain('\u001b');
      expect(html, name).not.toContain('<em>Postgres');
    }
    const entry = pages.get(join('entries', `${ids.update}.html`))!;
    expect(entry).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(entry).toContain('<a class="image-link" href="http://evil.example/pixel.png"');
    expect(entry).toContain('href="https://docs.example/a"');
    expect(entry).toContain('␛[2J');
    // The hostile name stays data: parsed back whole from the embedded JSON, escaped in the markup.
    const index = pages.get('index.html')!;
    const data = JSON.parse(/<script type="application\/json" id="team-data">([^<]*)<\/script>/.exec(index)![1]!);
    expect(data.find((m: { handle: string }) => m.handle === 'bob').name).toBe(HOSTILE_NAME);
    expect(index).toContain('&quot;&gt;&lt;script&gt;alert(&quot;name&quot;)&lt;/script&gt;');
  });

  it('embeds only the zones the team uses', () => {
    const index = pages.get('index.html')!;
    const tz = JSON.parse(/<script type="application\/json" id="tz-data">([^<]*)<\/script>/.exec(index)![1]!);
    const names = (tz.zones as string)
      .split('\n')
      .filter(Boolean)
      .map((line) => line.split('|')[0]);
    expect(names.sort()).toEqual(['America/New_York', 'Asia/Shanghai', 'Europe/Berlin']);
  });

  it('replaces its own previous site whole, leaving nothing beside it', async () => {
    writeFileSync(join(out, 'stale.html'), 'old');
    const again = await team.bin('bob', ['site', out, '--json']);
    expect(again.code, again.stderr).toBe(0);
    const summary = JSON.parse(again.stdout);
    expect(summary).toMatchObject({ dir: out, index: join(out, 'index.html'), pages: pages.size });
    expect(summary.url).toMatch(/^file:\/\//);
    expect(existsSync(join(out, 'stale.html'))).toBe(false);
    expect(readdirSync(dirname(out)).filter((name) => name.startsWith('.site-out'))).toEqual([]);
  });

  it('writes ./_site by default, and only `site` loads markdown-it', async () => {
    const log = join(team.box.dir, 'loaded.log');
    const hook = join(team.box.dir, 'hook.cjs');
    writeFileSync(
      hook,
      "const M=require('node:module');const f=require('node:fs');const l=M._load;M._load=function(r,p,i){const x=l.apply(this,arguments);try{f.appendFileSync(process.env.LOADED_LOG,M._resolveFilename(r,p,i)+'\\n')}catch{}return x};",
    );
    const env = { LOADED_LOG: log, NODE_OPTIONS: `--require ${hook}` };
    const who = await team.bin('chen', ['who'], env);
    expect(who.code, who.stderr).toBe(0);
    expect(readFileSync(log, 'utf8')).not.toContain('markdown-it');
    const site = await team.bin('chen', ['site'], env);
    expect(site.code, site.stderr).toBe(0);
    expect(existsSync(join(team.clone.chen!, '_site', 'index.html'))).toBe(true);
    expect(readFileSync(log, 'utf8')).toContain('markdown-it');
  });
});

describe('async site: a DIR that is not ours changes nothing', () => {
  it.each([
    [
      'a non-empty directory it did not write',
      (dir: string) => {
        mkdirSync(dir);
        writeFileSync(join(dir, 'keep.txt'), 'mine');
      },
    ],
    ['a file', (dir: string) => writeFileSync(dir, 'a file')],
    ['the workspace itself', undefined],
  ])('%s: exit 2, one line', async (_name, make) => {
    const dir = make ? join(team.box.dir, `bad-${Math.random().toString(36).slice(2)}`) : team.clone.alice!;
    make?.(dir);
    const before = files(dirname(dir)).sort().join('\n');
    const result = await team.bin('alice', ['site', dir]);
    expect(result.code).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^async: /);
    expect(files(dirname(dir)).sort().join('\n')).toBe(before);
    if (make && existsSync(join(dir, 'keep.txt'))) expect(readFileSync(join(dir, 'keep.txt'), 'utf8')).toBe('mine');
  });
});

describe('publishing', () => {
  it('site --workflow github commits the workflow and pushes it; again, nothing to do', async () => {
    const added = await team.bin('alice', ['site', '--workflow', 'github']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toContain('.github/workflows/async-site.yml');
    const pushed = team.git('alice', ['ls-tree', '-r', '--name-only', 'origin/main']);
    expect(pushed).toContain('.github/workflows/async-site.yml');
    const workflow = team.git('alice', ['show', 'origin/main:.github/workflows/async-site.yml']);
    expect(workflow).toContain('actions/upload-pages-artifact');
    expect(workflow).toContain('actions/deploy-pages');
    expect(workflow).toContain('async site _site');
    expect(workflow).toContain('ASYNC_PACKAGE');
    // Rebuilt hourly, so a handoff turns overdue on the page without waiting for a push.
    expect(workflow).toMatch(/^ {2}schedule:\n {4}- cron: '\d+ \* \* \* \*'$/m);
    expect(added.stdout).toContain('every push and every hour');
    // The template's own command line runs as written (only the output directory moved).
    const line = /^\s+run: async site (.+)$/m.exec(workflow)![1]!.split(' ');
    expect(line).toEqual(['_site', '--workspace', '.', '--since', '26w']);
    const out = join(team.box.dir, 'from-workflow');
    const built = await team.bin('alice', ['site', out, ...line.slice(1)]);
    expect(built.code, built.stderr).toBe(0);
    expect(existsSync(join(out, 'index.html'))).toBe(true);
    const again = await team.bin('alice', ['site', '--workflow', 'github']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('already there');
  });

  it('an unknown host is a usage error', async () => {
    const result = await team.bin('alice', ['site', '--workflow', 'bitbucket']);
    expect(result.code).toBe(2);
  });

  it('init --pages gitlab puts .gitlab-ci.yml in the first commit', async () => {
    const dir = join(team.box.dir, 'fresh');
    const result = await runBin(['init', dir, '--as', 'dana', '--tz', 'UTC', '--pages', 'gitlab'], { cwd: team.box.dir, env: team.env });
    expect(result.code, result.stderr).toBe(0);
    const first = team.git('alice', ['-C', dir, 'show', '--name-only', '--format=', 'HEAD']);
    expect(first).toContain('.gitlab-ci.yml');
    const ci = readFileSync(join(dir, '.gitlab-ci.yml'), 'utf8');
    expect(ci).toContain('async site public --workspace . --since 26w');
    // GitLab cannot declare a schedule in the file: the job runs for the one the project adds.
    expect(ci).toContain('- if: $CI_PIPELINE_SOURCE == "schedule"');
    expect(result.stdout).toContain('Pipeline schedules');
  });
});

describe('async site --pull offline', () => {
  it('warns on stderr and still writes the site from what the clone has', async () => {
    const url = team.git('chen', ['remote', 'get-url', 'origin']).trim();
    team.git('chen', ['remote', 'set-url', 'origin', join(team.box.dir, 'no-such-remote.git')]);
    try {
      const out = join(team.box.dir, 'offline-site');
      const result = await team.bin('chen', ['site', out, '--pull']);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toMatch(/^warning: .*showing what this clone already has/m);
      expect(readFileSync(join(out, 'index.html'), 'utf8')).toContain(`data-id="${ids.decision}"`);
    } finally {
      team.git('chen', ['remote', 'set-url', 'origin', url]);
    }
  });
});
