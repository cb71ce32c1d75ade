/**
 * The scale figures of issue 16 (`BENCH_SCALE=1m node bench/run.js`): a million entries from 2,000
 * members, joined from a local bare remote the way a new hire joins, and what that clone then costs
 * against a 10,000-entry workspace and against git itself. Every figure is a ratio of commands run
 * side by side in this one run; time and peak memory come from one wrapper (bench/lib/rusage.py).
 *
 * The remotes are generated bare (no 5.4 GB checkout) and cached under bench/.cache/ like the
 * normal bench's workspaces. This run works on shared bare clones of them (`git clone --shared`,
 * so instant), with partial-clone filters allowed, which a join then pushes its new member into:
 * the cache itself is never written to.
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CACHE_DIR, cachedWorkspace, DEFAULTS } from './generate.js';
import { alternate, cleanEnv, median, run } from './lib/measure.js';
import { label as sizeLabel, mb, parseRusage, parseScale } from './lib/scale.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const BIN = join(dirname(HERE), 'bin', 'async.cjs');
const RUSAGE = join(HERE, 'lib', 'rusage.py');
const NODE = process.execPath;
const NOW = DEFAULTS.now;
const RECENT_HOURS = 36;
/** A specific thing (a pull request): the question a search is usually asked. */
const SEARCH_TEXT = 'pull/5198';
/** The joined clone's disk goal: 1 GB, in the bench's 10^6-byte MB. */
const DISK_GOAL_MB = 1000;
const JOIN_LIMIT_MS = 60_000;

/**
 * `ctx` is what run.js shares: `{ info, log, warn, row, validate, printTable, rounds, quick,
 * removeAbandonedRuns }`. Commands of seconds run `rounds` times after a warm-up; commands of
 * minutes (join, clone, search, git grep) run `BENCH_ROUNDS` times, else 1 (`BENCH_QUICK`) or 3.
 */
export async function scaleBench(ctx) {
  const { info, log, warn } = ctx;
  let scale;
  try {
    scale = parseScale(process.env.BENCH_SCALE);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    process.stderr.write(`${error.message}\n`);
    process.exitCode = 2;
    return;
  }
  const heavyRounds = Number(process.env.BENCH_ROUNDS) || (ctx.quick ? 1 : 3);
  const big = sizeLabel(scale.entries);
  const small = sizeLabel(scale.small);
  log(`async scale benchmark: ${big} entries, ${scale.members} members, against ${small} entries`);
  log(`  ${ctx.rounds} alternating rounds for commands of seconds, ${heavyRounds} for join, clone and search`);
  log(`node ${info.node}, ${info.git}, ${info.cpu}, ${info.cores} cores`);
  try {
    execFileSync('python3', ['-c', '0'], { stdio: 'ignore' });
  } catch {
    process.stderr.write('The scale bench measures time and memory with python3 (bench/lib/rusage.py): install it.\n');
    process.exitCode = 2;
    return;
  }

  log('remotes (generated once, bare, then reused from bench/.cache/):');
  // Key order matters to the cache key: `bare` before `recentEntries`, as the CLI's --bare builds it.
  const bigWs = await cachedWorkspace({ members: scale.members, entries: scale.entries, recentHours: RECENT_HOURS, bare: true });
  log(`  ${big}: ${bigWs.origin}${bigWs.cached ? '' : ` (generated in ${bigWs.seconds} s)`}, ${duMb(bigWs.origin).toFixed(0)} MB`);
  // The same recent segment (count, seed, hours) as the big history: the generator makes it equal.
  const smallWs = await cachedWorkspace({
    members: scale.members,
    entries: scale.small,
    recentHours: RECENT_HOURS,
    bare: true,
    recentEntries: bigWs.params.recentEntries,
  });
  log(`  ${small}: ${smallWs.origin}${smallWs.cached ? '' : ` (generated in ${smallWs.seconds} s)`}`);
  if (bigWs.reader !== smallWs.reader) warn(`the two histories have different readers (${bigWs.reader}, ${smallWs.reader})`);
  log(`  reading as ${bigWs.reader}; the last ${RECENT_HOURS} h hold ${bigWs.recent.entries} entries in both`);

  mkdirSync(CACHE_DIR, { recursive: true });
  ctx.removeAbandonedRuns();
  const work = mkdtempSync(join(CACHE_DIR, `run-${process.pid}-`));
  const env = cleanEnv({ ASYNC_NOW: NOW });
  try {
    const { rows, samples } = await figures(ctx, { scale, bigWs, smallWs, heavyRounds, work, env });
    ctx.printTable(
      rows.map(ctx.validate),
      info,
      samples,
      `scale ${big}/${scale.members} members; medians of ${ctx.rounds} alternating rounds (${heavyRounds} for join, clone, search)`,
    );
  } finally {
    rmSync(work, { recursive: true, force: true });
    rmSync(env.HOME, { recursive: true, force: true });
  }
}

/** Disk used under `path` (du's blocks, as the user's disk sees it), in MB. */
function duMb(path) {
  return mb(Number(execFileSync('du', ['-sk', path], { encoding: 'utf8' }).split('\t')[0]) * 1024);
}

/** A throwaway remote for this run: objects borrowed from the cache, pushes land here. */
function scratchRemote(origin, dir, env) {
  execFileSync('git', ['clone', '--quiet', '--bare', '--shared', origin, dir], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  // What a filtered (partial) clone needs of the server; git's file:// transport obeys them too.
  for (const [key, value] of [
    ['uploadpack.allowFilter', 'true'],
    ['uploadpack.allowAnySHA1InWant', 'true'],
  ]) {
    execFileSync('git', ['config', key, value], { cwd: dir, env });
  }
  return pathToFileURL(dir).href;
}

/** Reads the remote's packs once, so the first clone does not pay alone for a cold disk. */
async function warmPacks(origin) {
  const dir = join(origin, 'objects', 'pack');
  for (const name of readdirSync(dir)) {
    for await (const _ of createReadStream(join(dir, name), { highWaterMark: 1 << 22 }));
  }
}

async function figures(ctx, { scale, bigWs, smallWs, heavyRounds, work, env }) {
  const { log, warn, row } = ctx;
  // The normal bench's selector, with the scale figures' names: BENCH_ONLY=S2,S3.
  const only = process.env.BENCH_ONLY?.split(',').map((group) => group.trim().toUpperCase());
  const wanted = (group) => !only || only.includes(group);
  const big = sizeLabel(scale.entries);
  const small = sizeLabel(scale.small);
  const reader = bigWs.reader;
  const opts = { cwd: env.HOME, env };
  const rows = [];
  const add = (...added) => {
    for (const r of added) {
      rows.push(r);
      const value = (v) => (v === undefined ? '—' : r.unit === 'MB' ? `${v.toFixed(1)} MB` : `${v.toFixed(1)} ms`);
      log(`  = ${r.figure}: ${value(r.a)} / ${value(r.b)}${r.ratio === undefined ? '' : ` = ${r.ratio.toFixed(2)}×`}`);
    }
  };
  const samples = {};
  /** Peak RSS (KiB) of each command over all its runs: the worst a user meets. */
  const peaks = {};

  /** `cmd args` under the wrapper: the child's own wall time and the peak RSS of its process tree. */
  const timed = async (name, cmd, args, options = opts) => {
    const result = await run('python3', [RUSAGE, cmd, ...args], options);
    const usage = parseRusage(result.stderr);
    if (!usage) {
      warn(`${name}: the timing wrapper reported nothing (${result.stderr.trim().slice(-200)})`);
      return result;
    }
    peaks[name] = Math.max(peaks[name] ?? 0, usage.maxrssKib);
    return { ...result, ms: usage.ms, stderr: usage.stderr };
  };
  const failed = (name, result, figure, ok = [0]) => {
    if (ok.includes(result.code)) return false;
    warn(`${name} exited ${result.code}: ${(result.stderr || result.stdout).trim().slice(0, 300)}`, figure);
    return true;
  };

  /** Two commands in alternating rounds: their medians, their last results, and their samples kept for the spread line. */
  const sideBySide = async (a, b, rounds, options) => {
    const result = await alternate([a, b], rounds, log, options);
    Object.assign(samples, result.samples);
    return { a: median(result.samples[a.name]), b: median(result.samples[b.name]), last: result.last };
  };

  const bigUrl = scratchRemote(bigWs.origin, join(work, 'big.git'), env);
  const smallUrl = scratchRemote(smallWs.origin, join(work, 'small.git'), env);
  await warmPacks(bigWs.origin);

  // S1: join against git's cheapest clone of the same remote. Each join is a new member, as a
  // new hire is, so it pushes its member file; the last one's clone is kept for what follows.
  log(`figure S1: async join of the ${big} remote against git clone --depth 1`);
  const join1 = (i) => join(work, `join-${i}`);
  let joined;
  let joinedAs;
  let joinDisk = 0;
  let cloneDisk = 0;
  let hires = 0;
  const joinAs = async (name, url, dir, figure) => {
    const handle = `hire${++hires}`;
    const result = await timed(name, NODE, [
      BIN,
      'join',
      url,
      dir,
      '--as',
      handle,
      '--tz',
      'Europe/Berlin',
      '--name',
      'New Hire',
      '--email',
      `${handle}@example.com`,
    ]);
    failed(name, result, figure);
    return { result, handle };
  };
  const joinTask = {
    name: 'join',
    run: async (i) => {
      if (joined) rmSync(joined, { recursive: true, force: true });
      const { result, handle } = await joinAs('join', bigUrl, join1(i), 'S1');
      joined = join1(i);
      joinedAs = handle;
      joinDisk = Math.max(joinDisk, duMb(joined));
      return result;
    },
  };
  if (!wanted('S1')) {
    // The other figures still need the clone a new member gets.
    await joinTask.run(0);
  } else {
    const { a: j, b: c } = await sideBySide(
      joinTask,
      {
        name: 'clone',
        run: async (i) => {
          const dir = join(work, `clone-${i}`);
          const result = await timed('clone', 'git', ['clone', '--quiet', '--depth', '1', bigUrl, dir]);
          failed('git clone --depth 1', result, 'S1');
          cloneDisk = Math.max(cloneDisk, duMb(dir));
          rmSync(dir, { recursive: true, force: true });
          return result;
        },
      },
      heavyRounds,
      { warmup: false },
    );
    add(row(`S1 join ${big} / git clone --depth 1`, j, c, j / c, 3, j / c <= 3));
    add({ ...row(`S1b join ${big} wall time`, j, undefined, undefined, undefined, j <= JOIN_LIMIT_MS), goalText: '≤ 60 s' });
  }

  // The small workspace as its members have it: joined the same way.
  const smallJoined = join(work, 'join-small');
  const { handle: smallAs } = await joinAs('join-small', smallUrl, smallJoined, 'S2');

  // S3 before S2: the updates add entries after `now`, which a catchup of the last 36 h would read.
  if (wanted('S3')) {
    log(`figure S3: catchup in the joined ${big} clone against the ${small} one (the same last ${RECENT_HOURS} h)`);
    const catchup = (dir) => [BIN, 'catchup', '--json', '--no-pull', '--since', `${RECENT_HOURS}h`, '-w', dir, '--as', reader];
    const {
      a: cb,
      b: cs,
      last,
    } = await sideBySide(
      { name: 'catchup-big', run: () => timed('catchup-big', NODE, catchup(joined)) },
      { name: 'catchup-small', run: () => timed('catchup-small', NODE, catchup(smallJoined)) },
      ctx.rounds,
    );
    checkCatchups(ctx, last['catchup-big'], last['catchup-small'], bigWs.recent.entries - bigWs.recent.byReader, big, small);
    add(row(`S3 catchup joined ${big} / ${small}`, cb, cs, cb / cs, 1.5, cb / cs <= 1.5));
  }

  if (wanted('S5')) {
    // A repeated `who` within the span its groups hold for answers from the saved view
    // (src/whoFast.ts): that is S5, the goal. S5b is the other case, the first `who` of a span,
    // which computes every member's status and saves the view: each of its runs is one span later.
    log(`figure S5: who (default view, ${scale.members} members) against node -e 0`);
    const who = (name, now) => () =>
      timed(name, NODE, [BIN, 'who', '-w', joined, '--as', reader], { ...opts, env: { ...env, ASYNC_NOW: now } });
    const {
      a: w,
      b: n,
      last,
    } = await sideBySide({ name: 'who', run: who('who', NOW) }, { name: 'node', run: () => timed('node', NODE, ['-e', '0']) }, ctx.rounds);
    failed('who', last.who, 'S5');
    add(row(`S5 who (${scale.members} members) / node -e 0`, w, n, w / n, 2.5, w / n <= 2.5));
    log('figure S5b: who when its saved view no longer holds (recomputed and saved), against node -e 0');
    const {
      a: c,
      b: n2,
      last: lastCold,
    } = await sideBySide(
      // A day apart: no view saved at one instant holds at the next.
      { name: 'who-cold', run: (i) => who('who-cold', new Date(Date.parse(NOW) + (i + 1) * 86_400_000).toISOString())() },
      { name: 'node-cold', run: () => timed('node-cold', NODE, ['-e', '0']) },
      ctx.rounds,
    );
    failed('who-cold', lastCold['who-cold'], 'S5b');
    add({ ...row(`S5b who, view recomputed (${scale.members} members) / node -e 0`, c, n2, c / n2), result: 'REPORT' });
  }

  if (wanted('S2')) {
    log(`figure S2: update --no-push in the joined ${big} clone against the joined ${small} one`);
    const update = (name, dir, handle) => async (i) => {
      // Each run is a new entry: its own minute after the generated history's "now".
      const now = new Date(Date.parse(NOW) + (i + 2) * 60_000).toISOString();
      const result = await timed(name, NODE, [BIN, 'update', '--no-push', '--done', 'x', '-w', dir, '--as', handle], {
        ...opts,
        env: { ...env, ASYNC_NOW: now },
      });
      failed(name, result, 'S2');
      return result;
    };
    const { a: ub, b: us } = await sideBySide(
      { name: 'update-big', run: update('update-big', joined, joinedAs) },
      { name: 'update-small', run: update('update-small', smallJoined, smallAs) },
      ctx.rounds,
    );
    add(row(`S2 update --no-push joined ${big} / ${small}`, ub, us, ub / us, 1.5, ub / us <= 1.5));
  }

  // S4 last, as the longest (minutes at 1M): rows are logged as they come, so a run stopped early
  // keeps the others. The first search of the joined clone (no caches yet: whatever it must read
  // or fetch), then warm ones, against git grep of the same commit's tree in the remote, which has
  // every object.
  if (wanted('S4')) {
    log(`figure S4: search over the ${big} history against git grep -F -i of the same tree`);
    const grep = () =>
      timed('grep', 'git', ['--git-dir', join(work, 'big.git'), 'grep', '-F', '-i', '-e', SEARCH_TEXT, 'main', '--', 'entries/']);
    // A search that could not read everything (a fetch cut off) says so in `warnings`: then its
    // time is not the figure's, and the row must not pass for one.
    const search = async () => {
      const result = await timed('search', NODE, [BIN, 'search', '--json', SEARCH_TEXT, '-w', joined, '--as', reader]);
      if (!failed('search', result, 'S4')) {
        const answer = JSON.parse(result.stdout);
        for (const warning of answer.warnings ?? []) warn(`search: ${warning}`, 'S4');
        result.found = answer.entries.length;
      }
      return result;
    };
    const first = await search();
    if (first.found !== undefined) log(`  "${SEARCH_TEXT}": ${first.found} entries`);
    const firstGrep = await grep();
    failed('git grep', firstGrep, 'S4', [0, 1]);
    log(`  hits in git grep: ${firstGrep.stdout.split('\n').filter(Boolean).length} lines`);
    const { a: s, b: g } = await sideBySide({ name: 'search', run: search }, { name: 'grep', run: grep }, heavyRounds, { warmup: false });
    add({
      ...row(`S4 first search of the joined clone / git grep -F -i`, first.ms, firstGrep.ms, first.ms / firstGrep.ms),
      result: 'REPORT',
    });
    add({ ...row(`S4b search ${big} (warm) / git grep -F -i`, s, g, s / g), result: 'REPORT' });
  }

  /** A figure left out by BENCH_ONLY has no peak: its memory row is left out with it. */
  const memory = (figure, a, b) =>
    peaks[a] === undefined || peaks[b] === undefined
      ? []
      : [{ ...row(figure, mb(peaks[a] * 1024), mb(peaks[b] * 1024), peaks[a] / peaks[b]), unit: 'MB', result: 'REPORT' }];
  add(...memory(`M1 peak RSS join ${big} / git clone --depth 1`, 'join', 'clone'));
  add(...memory(`M2 peak RSS update ${big} / ${small}`, 'update-big', 'update-small'));
  add(...memory(`M3 peak RSS catchup ${big} / ${small}`, 'catchup-big', 'catchup-small'));
  add(...memory(`M4 peak RSS search ${big} / git grep`, 'search', 'grep'));
  add(...memory('M5 peak RSS who / node -e 0', 'who', 'node'));
  add(...memory('M5b peak RSS who, view recomputed / node -e 0', 'who-cold', 'node-cold'));
  const withClone = cloneDisk > 0;
  add({
    ...row(
      `D1 disk of the joined ${big} clone${withClone ? ' / --depth 1 clone' : ''}`,
      joinDisk,
      withClone ? cloneDisk : undefined,
      withClone ? joinDisk / cloneDisk : undefined,
      DISK_GOAL_MB,
      joinDisk < DISK_GOAL_MB,
    ),
    unit: 'MB',
  });
  log("  peak RSS is ru_maxrss of the largest single process in each command's tree (git included), from getrusage(RUSAGE_CHILDREN)");
  // Measured in the order the clone allows (catchup before the updates), printed in the issue's.
  const order = ['S1', 'S1b', 'S2', 'S3', 'S4', 'S4b', 'S5', 'S5b'];
  const rank = (r) => {
    const id = r.figure.split(' ')[0];
    return order.includes(id) ? order.indexOf(id) : order.length;
  };
  return {
    rows: rows
      .map((r, i) => [rank(r), i, r])
      .sort((x, y) => x[0] - y[0] || x[1] - y[1])
      .map(([, , r]) => r),
    samples,
  };
}

/** The two catchups read the same recent segment: the same entries, as many as it holds for the reader. */
function checkCatchups(ctx, bigResult, smallResult, expected, big, small) {
  const ids = (result, label) => {
    try {
      return JSON.parse(result.stdout)
        .entries.map((entry) => entry.id)
        .sort();
    } catch {
      ctx.warn(`${label}: catchup --json did not print valid JSON (${result.stdout.slice(0, 80)}…)`, 'S3');
      return null;
    }
  };
  const a = ids(bigResult, big);
  const b = ids(smallResult, small);
  if (!a || !b) return;
  if (a.length !== expected || b.length !== expected || a.some((id, i) => id !== b[i])) {
    ctx.warn(`catchups disagree: ${a.length} entries in ${big}, ${b.length} in ${small}, ${expected} expected`, 'S3');
  } else {
    ctx.log(`  both catchups return the same ${expected} entries`);
  }
}
