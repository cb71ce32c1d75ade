#!/usr/bin/env node
/**
 * `npm run bench:writers` (after the build): many people posting at the same moment to one remote
 * (issue 16 part 5). Makes a bare remote and N clones (the first member runs `init`, the others are
 * added with `member add` and each `join`s, as a team would), then starts N `async update` processes
 * at once and reports what landed, how many push attempts each writer needed, and the wall time.
 *
 *   node bench/writers.js --writers 64            one race of 64 writers
 *   node bench/writers.js --writers 48 --runs 3   three races with the same clones (a new minute each)
 *   node bench/writers.js --writers 64 --runs 4 --bin /tmp/old/bin/async.cjs,bin/async.cjs
 *                                                 races alternate between the binaries (before/after
 *                                                 a change, under the same load on a shared machine)
 *
 * Attempts are counted by a pre-push hook in each clone (one line per `git push` the tool runs),
 * so the figure is what git was asked to do, with nothing added to the product. It reports, it does
 * not gate: exit 0 whatever the figures, FAIL printed when a writer did not land.
 */
import { execFileSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { cleanEnv, run } from './lib/measure.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const BIN = join(dirname(HERE), 'bin', 'async.cjs');
const NODE = process.execPath;

function option(name, fallback) {
  const at = process.argv.indexOf(`--${name}`);
  if (at === -1) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 1) {
    console.error(`bench/writers.js: --${name} takes a whole number, got "${process.argv[at + 1] ?? ''}"`);
    process.exit(2);
  }
  return value;
}

const WRITERS = option('writers', 48);
const RUNS = option('runs', 1);
const SETUP_PARALLEL = 4;
/** What the races run: the built binary, or the ones `--bin` lists, taking turns round by round. */
const RACERS = (() => {
  const at = process.argv.indexOf('--bin');
  return at === -1 ? [BIN] : process.argv[at + 1].split(',').map((path) => resolve(path));
})();

const dir = mkdtempSync(join(tmpdir(), 'async-bench-writers-'));
const env = cleanEnv({ ASYNC_NOW: '2026-11-24T12:00:00Z' });
const handles = Array.from({ length: WRITERS }, (_, i) => `m${String(i).padStart(2, '0')}`);
const cloneOf = (handle) => join(dir, handle);
const attemptsFile = (handle) => join(cloneOf(handle), '.git', 'push-attempts');

function git(cwd, args) {
  return execFileSync('git', args, { cwd, env, encoding: 'utf8' });
}

async function must(what, cwd, args, extra = {}) {
  const result = await run(NODE, [BIN, ...args], { cwd, env: { ...env, ...extra } });
  if (result.code !== 0) throw new Error(`${what} failed (${result.code}): ${result.stderr}`);
  return result;
}

function quantile(sorted, q) {
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

async function setUp() {
  const remote = join(dir, 'remote.git');
  mkdirSync(remote);
  git(remote, ['init', '--quiet', '--bare', '--initial-branch=main']);
  const [first, ...rest] = handles;
  await must('init', dir, ['init', first, '--team', 'Bench', '--remote', remote, '--as', first, '--tz', 'UTC']);
  for (const handle of rest) await must(`member add ${handle}`, cloneOf(first), ['member', 'add', handle, '--tz', 'UTC', '--no-push']);
  await must('sync', cloneOf(first), ['sync']);
  for (let i = 0; i < rest.length; i += SETUP_PARALLEL) {
    await Promise.all(
      rest.slice(i, i + SETUP_PARALLEL).map((handle) => must(`join ${handle}`, dir, ['join', remote, handle, '--as', handle])),
    );
  }
  for (const handle of handles) {
    const hook = join(cloneOf(handle), '.git', 'hooks', 'pre-push');
    writeFileSync(hook, `#!/bin/sh\necho x >> '${attemptsFile(handle)}'\n`);
    chmodSync(hook, 0o755);
  }
  return remote;
}

function entriesOnRemote(remote) {
  return git(remote, ['ls-tree', '-r', '--name-only', 'main', '--', 'entries']).split('\n').filter(Boolean);
}

async function race(remote, round) {
  const racer = RACERS[round % RACERS.length];
  for (const handle of handles) rmSync(attemptsFile(handle), { force: true });
  const before = new Set(entriesOnRemote(remote));
  const at = `2026-11-24T12:${String(round + 1).padStart(2, '0')}:00Z`;
  const start = process.hrtime.bigint();
  const results = await Promise.all(
    handles.map((handle) =>
      run(NODE, [racer, 'update', '--done', `round ${round} by ${handle}`], {
        cwd: cloneOf(handle),
        env: { ...env, ASYNC_NOW: at },
      }),
    ),
  );
  const wallS = Number(process.hrtime.bigint() - start) / 1e9;
  const landed = entriesOnRemote(remote).filter((path) => !before.has(path)).length;
  const attempts = handles.map((handle) =>
    existsSync(attemptsFile(handle)) ? readFileSync(attemptsFile(handle), 'utf8').split('\n').filter(Boolean).length : 0,
  );
  const sorted = [...attempts].sort((a, b) => a - b);
  const failed = results.map((result, i) => ({ handle: handles[i], ...result })).filter((result) => result.code !== 0);
  const midRebase = handles.filter((handle) =>
    ['rebase-merge', 'rebase-apply'].some((name) => existsSync(join(cloneOf(handle), '.git', name))),
  );
  const merges = git(remote, ['log', '--merges', '--format=%H', 'main']).trim();
  const ok = landed === WRITERS && failed.length === 0 && midRebase.length === 0 && merges === '';
  console.log(
    `${ok ? 'ok  ' : 'FAIL'} ${WRITERS} writers: landed ${landed}/${WRITERS}, exit 0 ${WRITERS - failed.length}/${WRITERS}, ` +
      `attempts median ${quantile(sorted, 0.5)} p95 ${quantile(sorted, 0.95)} max ${sorted.at(-1)} (total ${attempts.reduce((a, b) => a + b, 0)}), ` +
      `wall ${wallS.toFixed(1)} s, mid-rebase ${midRebase.length}${merges ? ', MERGE COMMITS' : ''}${RACERS.length > 1 ? ` [${racer}]` : ''}`,
  );
  for (const failure of failed.slice(0, 3))
    console.log(`     ${failure.handle} exit ${failure.code}: ${failure.stderr.trim().split('\n')[0]}`);
  // Leave the clones in step for the next round, as a later `sync` would.
  if (failed.length > 0) await Promise.all(failed.map((failure) => run(NODE, [BIN, 'sync'], { cwd: cloneOf(failure.handle), env })));
  return ok;
}

try {
  const setupStart = Date.now();
  const remote = await setUp();
  console.log(`set up a remote and ${WRITERS} clones in ${((Date.now() - setupStart) / 1000).toFixed(0)} s (${dir})`);
  for (let round = 0; round < RUNS; round++) await race(remote, round);
} finally {
  rmSync(dir, { recursive: true, force: true });
  rmSync(env.HOME, { recursive: true, force: true });
}
