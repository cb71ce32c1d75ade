#!/usr/bin/env node
/**
 * Synthetic workspaces in the SPEC §1 layout, for the benchmark: a roster of N members across
 * many zones and M entries with one git commit each, made with one `git fast-import` stream,
 * then cloned from a bare `origin` so the workspace is an ordinary clone.
 *
 *   node bench/generate.js --dir /tmp/ws --members 200 --entries 100000 [--recent-hours 36]
 *        [--recent-entries N] [--now 2026-11-24T12:00:00Z] [--seed 1]
 *   node bench/generate.js --cached --entries 10000      (reuse or build under bench/.cache/)
 *   node bench/generate.js --cached --bare --members 2000 --entries 1000000   (the remote only)
 *
 * The last `recentHours` before `now` hold `recentEntries` entries from their own random streams:
 * equal for every history size with the same seed, so histories differ only in what is old.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { commitCommand, fastImport } from './lib/fastImport.js';
import { commitMessage, segment } from './lib/history.js';
import { makeRandom } from './lib/random.js';
import { makeMembers, memberYaml, teamYaml } from './lib/roster.js';
import { offsetMinutes } from './lib/zones.js';

const HERE = dirname(fileURLToPath(import.meta.url));
export const CACHE_DIR = join(HERE, '.cache');
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const YEARS = 2;

export const DEFAULTS = Object.freeze({
  members: 200,
  entries: 100_000,
  recentHours: 36,
  now: '2026-11-24T12:00:00Z',
  seed: 1,
  team: 'Platform',
});

/** The recent segment's size when not given: as dense as the history around it. */
export function defaultRecentEntries({ entries, recentHours }) {
  return Math.max(1, Math.round((entries * recentHours * HOUR) / (YEARS * 365 * DAY)));
}

function normalize(options) {
  const params = { ...DEFAULTS, ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)) };
  // `--seed 1` and `seed: 1` are the same seed (and the same cache entry).
  params.seed = String(params.seed);
  // Only `bare: true` is a different workspace; `bare: false` keeps the key it always had.
  if (params.bare !== true) delete params.bare;
  params.recentEntries ??= defaultRecentEntries(params);
  if (params.recentEntries > params.entries) throw new RangeError('recentEntries cannot exceed entries.');
  if (!Number.isFinite(Date.parse(params.now))) throw new RangeError(`now is not an ISO instant: ${params.now}`);
  return params;
}

const git = (args, cwd) => execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/**
 * Builds the workspace at `dir` (a clone) and its bare remote at `origin` (default `<dir>.origin.git`).
 * With `bare: true` only the remote is built (`dir` is then not needed, and `dir` in the answer is
 * null): a million entries are a 5.4 GB checkout that a benchmark of `join` never reads.
 * Returns what the benchmark needs to know: the reader's handle, counts, paths.
 */
export async function generateWorkspace(options) {
  const { dir, origin: originOption, ...rest } = options;
  const params = normalize(rest);
  if (!dir && !(params.bare && originOption)) throw new TypeError('generateWorkspace needs { dir }, or { bare: true, origin }.');
  const root = dir ? resolve(dir) : null;
  const origin = resolve(originOption ?? join(dirname(root), `${basename(root)}.origin.git`));
  for (const path of [root, origin]) if (path && existsSync(path)) throw new Error(`${path} already exists.`);
  const started = performance.now();
  const now = Date.parse(params.now);

  const people = makeRandom(params.seed, 'members');
  const members = makeMembers(people, params.members, now);
  // The reader is one of the team like any other; handoffs and @mentions lean towards them a little.
  const reader = members[people.int(0, members.length - 1)].handle;

  const recentFrom = now - params.recentHours * HOUR;
  const historyFrom = now - YEARS * 365 * DAY;
  const counts = { update: 0, handoff: 0, ack: 0 };
  const recent = { entries: 0, handoffsToReader: 0, byReader: 0 };

  function* commands() {
    // The team's first week: the workspace is created, then people join one by one.
    const founder = members[0];
    const setupAt = historyFrom - 7 * DAY;
    const at = (ms, member) => ({ name: member.name, email: member.email, ms, offset: offsetMinutes(member.tz, ms) });
    yield commitCommand({
      ...at(setupAt, founder),
      message: `Create the ${params.team} workspace\n`,
      files: [
        { path: 'async.yaml', text: teamYaml(params.team) },
        {
          path: 'README.md',
          text: `# ${params.team} stand-ups\n\nThis repository is an async workspace: run \`async catchup\` to read it.\n`,
        },
        { path: '.gitignore', text: '# temp files of interrupted writes\n.*.tmp\n' },
        { path: `members/${founder.handle}.yaml`, text: memberYaml(founder) },
      ],
    });
    for (let i = 1; i < members.length; i++) {
      const member = members[i];
      yield commitCommand({
        ...at(setupAt + i * 10 * 60_000, member),
        message: `Add ${member.handle} to the team\n`,
        files: [{ path: `members/${member.handle}.yaml`, text: memberYaml(member) }],
      });
    }
    const segments = [
      { stream: `old-${params.entries}`, from: historyFrom, to: recentFrom, count: params.entries - params.recentEntries },
      // Named without the history size: the same recent activity for every history.
      { stream: `recent-${params.recentHours}h`, from: recentFrom + 60_000, to: now - 60_000, count: params.recentEntries, isRecent: true },
    ];
    for (const seg of segments) {
      for (const entry of segment({ seed: params.seed, members, reader, ...seg })) {
        counts[entry.kind]++;
        if (seg.isRecent) {
          recent.entries++;
          if (entry.to.includes(reader)) recent.handoffsToReader++;
          if (entry.author.handle === reader) recent.byReader++;
        }
        yield commitCommand({
          ...at(entry.t, entry.author),
          message: commitMessage(entry),
          files: [{ path: entry.path, text: entry.text }],
        });
      }
    }
  }

  mkdirSync(dirname(origin), { recursive: true });
  git(['init', '--quiet', '--bare', '--initial-branch=main', origin]);
  await fastImport(origin, commands());
  if (root) {
    // A clone, as every teammate has: origin/main, upstream set, the work tree checked out.
    git(['clone', '--quiet', origin, root]);
    mkdirSync(join(root, '.git', 'async'), { recursive: true });
    writeFileSync(join(root, '.git', 'async', 'state.json'), `${JSON.stringify({ handle: reader }, null, 2)}\n`);
  }

  return {
    params,
    dir: root,
    origin,
    reader,
    counts,
    recent,
    commits: members.length + params.entries,
    seconds: Math.round(performance.now() - started) / 1000,
  };
}

/** A key for the cache: the parameters and the generator's own source, so edits invalidate it. */
export function cacheKey(options) {
  const params = normalize(options);
  const hash = createHash('sha256').update(JSON.stringify(params));
  for (const file of [
    'generate.js',
    'lib/history.js',
    'lib/roster.js',
    'lib/text.js',
    'lib/zones.js',
    'lib/random.js',
    'lib/fastImport.js',
  ]) {
    hash.update(readFileSync(join(HERE, file)));
  }
  return hash.digest('hex').slice(0, 16);
}

/**
 * The workspace for these parameters from bench/.cache/<key>/, generated on first use. Built in
 * a temporary folder and renamed into place, so an interrupted run never leaves half a cache.
 */
export async function cachedWorkspace(options = {}) {
  const key = cacheKey(options);
  const home = join(CACHE_DIR, key);
  const metaPath = join(home, 'meta.json');
  if (existsSync(metaPath)) return { ...JSON.parse(readFileSync(metaPath, 'utf8')), cached: true };
  const building = join(CACHE_DIR, `${key}.tmp-${process.pid}`);
  rmSync(building, { recursive: true, force: true });
  const bare = normalize(options).bare === true;
  const meta = await generateWorkspace({ ...options, dir: bare ? undefined : join(building, 'ws'), origin: join(building, 'origin.git') });
  rmSync(home, { recursive: true, force: true });
  renameSync(building, home);
  const final = { ...meta, dir: bare ? null : join(home, 'ws'), origin: join(home, 'origin.git'), key };
  // The clone recorded the temporary path of its remote.
  if (!bare) git(['remote', 'set-url', 'origin', final.origin], final.dir);
  writeFileSync(metaPath, `${JSON.stringify(final, null, 2)}\n`);
  return { ...final, cached: false };
}

async function cli() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string' },
      cached: { type: 'boolean' },
      members: { type: 'string' },
      entries: { type: 'string' },
      'recent-hours': { type: 'string' },
      'recent-entries': { type: 'string' },
      now: { type: 'string' },
      seed: { type: 'string' },
      bare: { type: 'boolean' },
    },
  });
  const num = (v) => (v === undefined ? undefined : Number(v.replace(/_/g, '')));
  const options = {
    members: num(values.members),
    entries: num(values.entries),
    recentHours: num(values['recent-hours']),
    recentEntries: num(values['recent-entries']),
    now: values.now,
    seed: values.seed,
    // Absent unless asked for, so a workspace's cache key is what it was before the option existed.
    bare: values.bare || undefined,
  };
  if (!values.dir && !values.cached) {
    process.stderr.write(
      'usage: node bench/generate.js (--dir DIR | --cached) [--bare] [--members N] [--entries N] [--recent-hours H] [--recent-entries N] [--now ISO] [--seed S]\n',
    );
    process.exitCode = 2;
    return;
  }
  const meta = values.cached
    ? await cachedWorkspace(options)
    : await generateWorkspace({ ...options, dir: options.bare ? undefined : values.dir, origin: options.bare ? values.dir : undefined });
  process.stdout.write(`${JSON.stringify(meta, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await cli();
