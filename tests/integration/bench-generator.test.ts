/**
 * The benchmark's own correctness (issue 5): the generator writes the SPEC layout with one commit
 * per entry, and the reference script and the CLI's catchup return the same entries for a window.
 * Timing is the benchmark's business, never the test suite's.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { makeSandbox, runBin, type Sandbox } from '../helpers/cli.js';
import { gitIn } from '../helpers/git.js';

const NOW = '2026-11-24T12:00:00Z';
const REFERENCE = fileURLToPath(new URL('../../bench/reference.js', import.meta.url));
const ID = /^(\d{4})(\d{2})(\d{2})T\d{6}Z-(m\d{3})-[a-z0-9]{4}$/;

interface Meta {
  dir: string;
  origin: string;
  reader: string;
  counts: { update: number; handoff: number; ack: number };
  recent: { entries: number; handoffsToReader: number; byReader: number };
}

type Generate = (options: Record<string, unknown>) => Promise<Meta>;
type CacheKey = (options: Record<string, unknown>) => string;

let box: Sandbox;
let small: Meta;
let generateWorkspace: Generate;
let cacheKey: CacheKey;

beforeAll(async () => {
  // bench/ is plain JavaScript without type declarations: loaded by URL, typed here.
  ({ generateWorkspace, cacheKey } = (await import(new URL('../../bench/generate.js', import.meta.url).href)) as {
    generateWorkspace: Generate;
    cacheKey: CacheKey;
  });
  box = makeSandbox();
  small = await generateWorkspace({ dir: join(box.dir, 'ws'), members: 20, entries: 300, recentEntries: 40, now: NOW, seed: 'test' });
});
afterAll(() => box.cleanup());

function entryFiles(root: string): string[] {
  const out: string[] = [];
  const walk = (rel: string) => {
    for (const dirent of readdirSync(join(root, rel), { withFileTypes: true })) {
      const path = `${rel}/${dirent.name}`;
      if (dirent.isDirectory()) walk(path);
      else out.push(path);
    }
  };
  walk('entries');
  return out.sort();
}

function frontMatter(path: string): Record<string, unknown> {
  const text = readFileSync(path, 'utf8');
  return parse(text.slice(4, text.indexOf('\n---', 3) + 1)) as Record<string, unknown>;
}

function referenceIds(dir: string): string[] {
  const out = execFileSync(process.execPath, [REFERENCE, dir, '--since', '36h'], { env: { ...box.env, ASYNC_NOW: NOW }, encoding: 'utf8' });
  return (JSON.parse(out) as { entries: { id: string }[] }).entries.map((entry) => entry.id).sort();
}

describe('bench/generate.js', () => {
  it('writes the SPEC layout: team file, one file per member, entries sharded by the UTC date of their id', () => {
    expect(readFileSync(join(small.dir, 'async.yaml'), 'utf8')).toMatch(/^team: Platform$/m);
    const members = readdirSync(join(small.dir, 'members')).sort();
    expect(members).toHaveLength(20);
    expect(members[0]).toBe('m001.yaml');
    const zones = new Set<unknown>();
    for (const file of members) {
      const member = parse(readFileSync(join(small.dir, 'members', file), 'utf8')) as Record<string, unknown>;
      expect(`${member.handle}.yaml`).toBe(file);
      zones.add(member.tz);
    }
    expect(zones.size).toBeGreaterThan(5);

    const files = entryFiles(small.dir);
    expect(files).toHaveLength(300);
    const ids = new Set<string>();
    for (const path of files) {
      const [, y, m, d, id] = /^entries\/(\d{4})\/(\d{2})\/(\d{2})\/(.+)\.md$/.exec(path)!;
      const parts = ID.exec(id!);
      expect(parts, path).not.toBeNull();
      expect(`${parts![1]}${parts![2]}${parts![3]}`).toBe(`${y}${m}${d}`);
      ids.add(id!);
    }
    // Every entry is valid per SPEC §1 and an ack refers to an earlier handoff.
    for (const path of files) {
      const entry = frontMatter(join(small.dir, path));
      const id = entry.id as string;
      expect(path.endsWith(`/${id}.md`)).toBe(true);
      expect(ID.exec(id)![4]).toBe(entry.author);
      expect(Math.floor(Date.parse(entry.created as string) / 1000)).toBe(
        Date.UTC(+id.slice(0, 4), +id.slice(4, 6) - 1, +id.slice(6, 8), +id.slice(9, 11), +id.slice(11, 13), +id.slice(13, 15)) / 1000,
      );
      if (entry.kind === 'handoff') expect((entry.to as string[]).length).toBeGreaterThan(0);
      if (entry.kind === 'ack') {
        expect(ids.has(entry.ref as string)).toBe(true);
        expect((entry.ref as string) < id).toBe(true);
      }
    }
  });

  it('makes one commit per entry in an ordinary clone of a bare origin', () => {
    expect(gitIn(small.dir, ['rev-list', '--count', 'HEAD', '--', 'entries']).trim()).toBe('300');
    // Plus the workspace's creation and one join per other member.
    expect(gitIn(small.dir, ['rev-list', '--count', 'HEAD']).trim()).toBe('320');
    expect(gitIn(small.dir, ['status', '--porcelain'])).toBe('');
    expect(gitIn(small.dir, ['rev-parse', 'origin/main']).trim()).toBe(gitIn(small.dir, ['rev-parse', 'HEAD']).trim());
    expect(gitIn(small.dir, ['remote', 'get-url', 'origin']).trim()).toBe(small.origin);
    const state = JSON.parse(readFileSync(join(small.dir, '.git/async/state.json'), 'utf8'));
    expect(state.handle).toBe(small.reader);
  });

  it('with bare: true builds only the remote, holding the very same history, under its own cache key', async () => {
    const origin = join(box.dir, 'bare-only.git');
    const bare = await generateWorkspace({ origin, bare: true, members: 20, entries: 300, recentEntries: 40, now: NOW, seed: 'test' });
    expect(bare.dir).toBeNull();
    expect(existsSync(join(box.dir, 'bare-only'))).toBe(false);
    expect(gitIn(box.dir, ['--git-dir', origin, 'rev-parse', 'main']).trim()).toBe(gitIn(small.dir, ['rev-parse', 'origin/main']).trim());
    expect(bare.reader).toBe(small.reader);
    const params = { members: 20, entries: 300, recentEntries: 40, now: NOW, seed: 'test' };
    // bare: false is the workspace it always was; only bare: true is another cache entry.
    expect(cacheKey({ ...params, bare: false })).toBe(cacheKey(params));
    expect(cacheKey({ ...params, bare: true })).not.toBe(cacheKey(params));
  });

  it('keeps the recent activity identical whatever the size of the history', async () => {
    const bigger = await generateWorkspace({
      dir: join(box.dir, 'ws-bigger'),
      members: 20,
      entries: 600,
      recentEntries: 40,
      now: NOW,
      seed: 'test',
    });
    expect(bigger.reader).toBe(small.reader);
    expect(bigger.recent).toEqual(small.recent);
    expect(referenceIds(bigger.dir)).toEqual(referenceIds(small.dir));
  });
});

describe('bench/reference.js and the CLI', () => {
  it("return the same entries for the last 36 hours: created after since, the reader's own left out", async () => {
    const reference = referenceIds(small.dir);
    expect(reference.length).toBe(small.recent.entries - small.recent.byReader);
    expect(reference.length).toBeGreaterThan(10);
    expect(reference.some((id) => ID.exec(id)![4] === small.reader)).toBe(false);

    const result = await runBin(['catchup', '--json', '--no-pull', '--since', '36h', '-w', small.dir, '--as', small.reader], {
      cwd: box.dir,
      env: { ...box.env, ASYNC_NOW: NOW, NO_COLOR: '1' },
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const cli = JSON.parse(result.stdout) as { entries: { id: string }[]; warnings: string[] };
    expect(cli.warnings).toEqual([]);
    expect(cli.entries.map((entry) => entry.id).sort()).toEqual(reference);
  });
});
