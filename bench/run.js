#!/usr/bin/env node
/**
 * `npm run bench` (after the build): the figures of issue 5, each the median of several runs that
 * alternate with the reference they are compared to, and the ratio of the two medians. Absolute
 * times on a shared machine are noise; the ratios are the result. It reports, it does not gate:
 * exit 0 whatever the figures, with FAIL printed against each goal that was missed.
 *
 *   BENCH_QUICK=1    fewer rounds, for a quick look
 *   BENCH_ROUNDS=N   rounds per figure (after one warm-up run of each command)
 *   BENCH_PROFILE=1  always print where the catchup's time goes (else only when figure 1 or 2 fails)
 *   BENCH_ONLY=6,4   only these groups of figures: 1 (1 and 2), 3 (3a-3e), 6 (6 and 6b), 6c, 4, 5
 *   BENCH_SCALE=1m   the scale figures instead (issue 16; bench/scale.js): 1,000,000 entries, 2,000 members
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CACHE_DIR, DEFAULTS, cachedWorkspace, defaultRecentEntries } from './generate.js';
import { dayFolders } from './reference.js';
import { alternate, cleanEnv, median, peakRss, run } from './lib/measure.js';
import { formatSummary, summarize } from './profile.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = dirname(HERE);
const BIN = join(ROOT, 'bin', 'async.cjs');
const REFERENCE = join(HERE, 'reference.js');
const NODE = process.execPath;
const QUICK = process.env.BENCH_QUICK === '1';
const ROUNDS = Number(process.env.BENCH_ROUNDS) || (QUICK ? 3 : 9);
const MEMORY_RUNS = QUICK ? 1 : 3;
/** A cold search decodes the whole history (seconds): fewer rounds. */
const COLD_ROUNDS = QUICK ? 1 : 3;
const ONLY = process.env.BENCH_ONLY?.split(',').map((group) => group.trim());
const wanted = (group) => !ONLY || ONLY.includes(group);
const NOW = DEFAULTS.now;
const MEMBERS = 200;
/** Figure 3e: `who` on a roster this large shows the groups, not everyone (issue 16). */
const CROWD_MEMBERS = 2000;
const CROWD_ENTRIES = 10_000;
/** The members figure 3c asks `overlap` about (the generator's handles are m001 … m200). */
const OVERLAP_GROUP = ['m001', 'm027', 'm053', 'm079', 'm105', 'm131', 'm157', 'm183'];
const BIG = 100_000;
const SMALL = 10_000;
const RECENT_HOURS = 36;
/**
 * Figure 6: a specific thing (a pull request, in 3 entries) and a common word (in one entry of
 * six, so the hits' entries are parsed from every month's cache).
 */
const SEARCHES = [
  ['6', 'pull/5198'],
  ['6b', 'backpressure'],
];

const log = (line) => process.stderr.write(`${line}\n`);
/** Warning lines with how often each was seen; a figure named in `invalid` had a command fail. */
const warnings = new Map();
const invalid = new Set();
const warn = (line, ...figures) => {
  for (const figure of figures) invalid.add(figure);
  if (!warnings.has(line)) log(`WARNING: ${line}`);
  warnings.set(line, (warnings.get(line) ?? 0) + 1);
};

function machine() {
  const version = (cmd, args) => {
    try {
      return execFileSync(cmd, args, { encoding: 'utf8' }).trim();
    } catch {
      return 'unknown';
    }
  };
  const model = /^model name\s*:\s*(.+)$/m.exec(safeRead('/proc/cpuinfo'))?.[1] ?? cpus()[0]?.model ?? 'unknown';
  return { node: process.version, git: version('git', ['--version']), cpu: model, cores: cpus().length };
}

/** Clones left by a bench that was killed are half a gigabyte each: remove those of dead processes. */
function removeAbandonedRuns() {
  for (const name of readdirSync(CACHE_DIR)) {
    const pid = Number(/^run-(\d+)-/.exec(name)?.[1]);
    if (!pid || pid === process.pid) continue;
    try {
      process.kill(pid, 0);
    } catch (error) {
      if (error.code === 'ESRCH') rmSync(join(CACHE_DIR, name), { recursive: true, force: true });
    }
  }
}

function countFiles(dir) {
  try {
    return readdirSync(dir).length;
  } catch {
    return 0;
  }
}

function safeRead(path) {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

/** The catchup must answer what the reference answers, or its time means nothing. */
function checkCatchup(label, catchup, reference, figures) {
  if (catchup.code !== 0) return warn(`${label}: catchup exited ${catchup.code}: ${catchup.stderr.trim().slice(0, 300)}`, ...figures);
  let cli;
  let ref;
  try {
    cli = JSON.parse(catchup.stdout);
  } catch {
    return warn(`${label}: catchup --json did not print valid JSON (${catchup.stdout.slice(0, 80)}…)`, ...figures);
  }
  try {
    ref = JSON.parse(reference.stdout);
  } catch {
    return warn(`${label}: the reference did not print valid JSON`);
  }
  const ids = (doc) => (Array.isArray(doc.entries) ? doc.entries.map((e) => e.id).sort() : []);
  const a = ids(cli);
  const b = ids(ref);
  if (a.length !== b.length || a.some((id, i) => id !== b[i])) {
    const missing = b.filter((id) => !a.includes(id)).length;
    const extra = a.filter((id) => !b.includes(id)).length;
    warn(`${label}: catchup returned ${a.length} entries, the reference ${b.length} (${missing} missing, ${extra} extra)`, ...figures);
  } else {
    log(`  ${label}: catchup and reference agree on ${a.length} entries`);
  }
  if (Array.isArray(cli.warnings) && cli.warnings.length > 0) warn(`${label}: catchup warned: ${cli.warnings.slice(0, 3).join(' | ')}`);
}

function row(figure, a, b, ratio, goal, pass) {
  return { figure, a, b, ratio, goal, result: pass ? 'PASS' : 'FAIL' };
}

/** A figure whose command failed or answered wrong measures nothing: it cannot pass. */
function validate(r) {
  return invalid.has(r.figure.split(' ')[0]) ? { ...r, result: 'INVALID' } : r;
}

const fmtMs = (ms) => `${ms.toFixed(1)} ms`;
const spread = (samples) => `${Math.min(...samples).toFixed(0)}–${Math.max(...samples).toFixed(0)}`;

async function main() {
  const info = machine();
  if (process.env.BENCH_SCALE !== undefined) {
    // Loaded only in scale mode, so the normal bench runs exactly what it ran before.
    const { scaleBench } = await import('./scale.js');
    return scaleBench({ info, log, warn, row, validate, printTable, rounds: ROUNDS, quick: QUICK, removeAbandonedRuns });
  }
  log(`async benchmark: ${ROUNDS} alternating rounds per figure after one warm-up${QUICK ? ' (BENCH_QUICK)' : ''}`);
  log(`node ${info.node}, ${info.git}, ${info.cpu}, ${info.cores} cores`);

  // Same recent activity (the last 36 h, as dense as the 100k history) in both histories.
  const recentEntries = defaultRecentEntries({ entries: BIG, recentHours: RECENT_HOURS });
  log('workspaces (generated once, then reused from bench/.cache/):');
  const big = await cachedWorkspace({ members: MEMBERS, entries: BIG, recentHours: RECENT_HOURS, recentEntries });
  log(`  ${BIG} entries: ${big.dir}${big.cached ? '' : ` (generated in ${big.seconds} s)`}`);
  const small = await cachedWorkspace({ members: MEMBERS, entries: SMALL, recentHours: RECENT_HOURS, recentEntries });
  log(`  ${SMALL} entries: ${small.dir}${small.cached ? '' : ` (generated in ${small.seconds} s)`}`);
  if (big.reader !== small.reader) warn(`the two workspaces have different readers (${big.reader}, ${small.reader})`);
  const reader = big.reader;
  log(`  reading as ${reader} (${big.recent.handoffsToReader} handoffs to them in the last ${RECENT_HOURS} h)`);
  // What is on disk around the window: the recent hours are equal, the days before them are not.
  for (const ws of [big, small]) {
    const files = (days) =>
      dayFolders(Date.parse(NOW) - days * 86_400_000, Date.parse(NOW)).reduce((n, folder) => n + countFiles(join(ws.dir, folder)), 0);
    log(
      `  ${ws.params.entries} entries: ${files(RECENT_HOURS / 24)} files in the day folders of the last ${RECENT_HOURS} h, ${files(14)} in those of the last 14 days`,
    );
  }

  const env = cleanEnv({ ASYNC_NOW: NOW });
  try {
    await figures(big, small, reader, env, info);
  } finally {
    rmSync(env.HOME, { recursive: true, force: true });
  }
}

async function figures(big, small, reader, env, info) {
  const opts = { cwd: env.HOME, env };
  const catchup = (ws) => [BIN, 'catchup', '--json', '--no-pull', '--since', `${RECENT_HOURS}h`, '-w', ws, '--as', reader];
  const reference = (ws) => [REFERENCE, ws, '--since', `${RECENT_HOURS}h`, '--as', reader];
  const rows = [];
  /** Every command's samples, for the spread line. */
  const samples = {};

  if (wanted('1')) {
    log('figures 1-2: catchup over the last 36 h');
    const read = await alternate(
      [
        { name: 'catchup100k', run: () => run(NODE, catchup(big.dir), opts) },
        { name: 'reference100k', run: () => run(NODE, reference(big.dir), opts) },
        { name: 'catchup10k', run: () => run(NODE, catchup(small.dir), opts) },
      ],
      ROUNDS,
      log,
    );
    Object.assign(samples, read.samples);
    checkCatchup(`${BIG / 1000}k`, read.last.catchup100k, read.last.reference100k, ['1', '2']);
    checkCatchup(`${SMALL / 1000}k`, read.last.catchup10k, await run(NODE, reference(small.dir), opts), ['2']);
    const c100 = median(read.samples.catchup100k);
    const r100 = median(read.samples.reference100k);
    const c10 = median(read.samples.catchup10k);
    rows.push(row('1 catchup 100k / reference script', c100, r100, c100 / r100, 1.5, c100 / r100 <= 1.5));
    rows.push(row('2 catchup 100k / catchup 10k history', c100, c10, c100 / c10, 1.25, c100 / c10 <= 1.25));
  }

  if (wanted('3')) {
    const crowd = await cachedWorkspace({ members: CROWD_MEMBERS, entries: CROWD_ENTRIES });
    log(`  ${CROWD_MEMBERS} members, ${CROWD_ENTRIES} entries: ${crowd.dir}${crowd.cached ? '' : ` (generated in ${crowd.seconds} s)`}`);
    rows.push(...(await startFigures(big, reader, crowd, opts, samples)));
  }
  if (wanted('6')) rows.push(...(await searchFigures(big, reader, env, samples)));

  mkdirSync(CACHE_DIR, { recursive: true });
  removeAbandonedRuns();
  const work = mkdtempSync(join(CACHE_DIR, `run-${process.pid}-`));
  try {
    if (wanted('6c')) rows.push(await coldSearchFigure(big, reader, env, work, samples));
    if (wanted('4')) {
      log('figure 4: the write path (two fresh clones of the 100k workspace)');
      rows.push(await writeFigure(big, reader, env, work, samples));
    }
    if (wanted('5')) rows.push(await memoryFigure(big, small, catchup, reference, opts));

    const failed = rows.filter((r) => r.result === 'FAIL').map((r) => r.figure.split(' ')[0]);
    if (process.env.BENCH_PROFILE === '1' || failed.includes('1') || failed.includes('2')) {
      await profileCatchup(catchup(big.dir), env, work);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }

  printTable(rows.map(validate), info, samples);
  if (warnings.size > 0) {
    const lines = [...warnings].map(([line, n]) => `  - ${line}${n > 1 ? ` (${n} times)` : ''}`);
    process.stdout.write(`\n${warnings.size} warning(s):\n${lines.join('\n')}\n`);
  }
}

async function startFigures(big, reader, crowd, opts, samples) {
  log('figure 3: start-up');
  const start = await alternate(
    [
      { name: 'version', run: () => run(NODE, [BIN, '--version'], opts) },
      { name: 'node', run: () => run(NODE, ['-e', '0'], opts) },
      { name: 'who', run: () => run(NODE, [BIN, 'who', '-w', big.dir, '--as', reader], opts) },
      // A large team's default view: who is online now, who comes next, the reader's zone.
      { name: 'who-crowd', run: () => run(NODE, [BIN, 'who', '-w', crowd.dir, '--as', crowd.reader], opts) },
      // Eight people over the default 7 days: a group across seven zones looking for a meeting time.
      { name: 'overlap', run: () => run(NODE, [BIN, 'overlap', ...OVERLAP_GROUP, '-w', big.dir, '--as', reader], opts) },
      // What a shell prompt runs: the warm-up computes and saves the summary, the rounds read it.
      { name: 'status', run: () => run(NODE, [BIN, 'status', '-w', big.dir, '--as', reader], opts) },
    ],
    ROUNDS,
    log,
  );
  Object.assign(samples, start.samples);
  for (const [name, figure] of [
    ['version', '3a'],
    ['who', '3b'],
    ['overlap', '3c'],
    ['status', '3d'],
    ['who-crowd', '3e'],
  ]) {
    const result = start.last[name];
    if (result.code !== 0) warn(`${name} exited ${result.code}: ${result.stderr.trim().slice(0, 300)}`, figure);
  }
  const version = median(start.samples.version);
  const bare = median(start.samples.node);
  const who = median(start.samples.who);
  const overlap = median(start.samples.overlap);
  const status = median(start.samples.status);
  const crowdWho = median(start.samples['who-crowd']);
  return [
    row('3a async --version / node -e 0', version, bare, version / bare, 1.6, version / bare <= 1.6),
    row(`3b async who (${MEMBERS} members) / node -e 0`, who, bare, who / bare, 2.5, who / bare <= 2.5),
    row(
      `3c async overlap (${OVERLAP_GROUP.length} members, 7 days) / node -e 0`,
      overlap,
      bare,
      overlap / bare,
      2.5,
      overlap / bare <= 2.5,
    ),
    row('3d async status (saved summary) / node -e 0', status, bare, status / bare, 1.3, status / bare <= 1.3),
    row(`3e async who (${CROWD_MEMBERS} members, default view) / node -e 0`, crowdWho, bare, crowdWho / bare, 2.5, crowdWho / bare <= 2.5),
  ];
}

async function searchFigures(big, reader, env, samples) {
  log('figure 6: search over the whole 100k history against git grep of the same tree');
  const opts = { cwd: env.HOME, env };
  const rows = [];
  for (const [figure, text] of SEARCHES) {
    const found = await alternate(
      [
        { name: `search-${figure}`, run: () => run(NODE, [BIN, 'search', '--json', text, '-w', big.dir, '--as', reader], opts) },
        { name: `grep-${figure}`, run: () => run('git', ['grep', '-i', '-F', '-e', text, '--', 'entries/'], { cwd: big.dir, env }) },
      ],
      ROUNDS,
      log,
    );
    const result = found.last[`search-${figure}`];
    if (result.code !== 0) warn(`search ${text} exited ${result.code}: ${result.stderr.trim().slice(0, 300)}`, figure);
    else log(`  "${text}": search found ${JSON.parse(result.stdout).entries.length} entries`);
    const s = median(found.samples[`search-${figure}`]);
    const g = median(found.samples[`grep-${figure}`]);
    rows.push(row(`${figure} search 100k / git grep -i -F ("${text}")`, s, g, s / g, 1.5, s / g <= 1.5));
    Object.assign(samples, found.samples);
  }
  return rows;
}

/**
 * Figure 6c: the first search of a clone, which decodes the whole history into its caches, against
 * `git grep` in the same clone. Each run starts from a clone with no caches (.git/async/cache
 * removed), as a fresh clone has none. It reports; it has no goal.
 */
async function coldSearchFigure(big, reader, env, work, samples) {
  log('figure 6c: the first search of a fresh clone (no caches) against git grep');
  const clone = join(work, 'cold');
  execFileSync('git', ['clone', '--quiet', big.origin, clone], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  const [, text] = SEARCHES[0];
  const found = await alternate(
    [
      {
        name: 'search-cold',
        run: () => {
          rmSync(join(clone, '.git', 'async', 'cache'), { recursive: true, force: true });
          return run(NODE, [BIN, 'search', '--json', text, '-w', clone, '--as', reader], { cwd: env.HOME, env });
        },
      },
      { name: 'grep-cold', run: () => run('git', ['grep', '-i', '-F', '-e', text, '--', 'entries/'], { cwd: clone, env }) },
    ],
    COLD_ROUNDS,
    log,
  );
  const result = found.last['search-cold'];
  if (result.code !== 0) warn(`cold search exited ${result.code}: ${result.stderr.trim().slice(0, 300)}`, '6c');
  Object.assign(samples, found.samples);
  const s = median(found.samples['search-cold']);
  const g = median(found.samples['grep-cold']);
  return { ...row(`6c first search of a clone / git grep -i -F ("${text}")`, s, g, s / g), result: 'REPORT' };
}

async function memoryFigure(big, small, catchup, reference, opts) {
  log('figure 5: peak memory of the catchup');
  const peaks = { big: [], small: [], reference: [] };
  let source = '';
  for (let i = 0; i < MEMORY_RUNS; i++) {
    const b = await peakRss(BIN, catchup(big.dir).slice(1), opts);
    const s = await peakRss(BIN, catchup(small.dir).slice(1), opts);
    const r = await peakRss(REFERENCE, reference(big.dir).slice(1), opts);
    for (const [label, m] of [
      [`${BIG / 1000}k`, b],
      [`${SMALL / 1000}k`, s],
    ]) {
      if (m.result.code !== 0)
        warn(`${label} catchup exited ${m.result.code} under the memory probe: ${m.result.stderr.trim().slice(0, 200)}`, '5');
    }
    peaks.big.push(b.mb);
    peaks.small.push(s.mb);
    peaks.reference.push(r.mb);
    source = b.source;
  }
  const mb = median(peaks.big);
  const ms = median(peaks.small);
  log(`  measured with ${source}; the reference script peaks at ${median(peaks.reference).toFixed(1)} MB`);
  // The other half of the goal: memory must follow what is new, not the size of the history.
  if (mb / ms > 1.25)
    warn(
      `peak memory grows with history: ${mb.toFixed(1)} MB on ${BIG / 1000}k entries against ${ms.toFixed(1)} MB on ${SMALL / 1000}k (${(mb / ms).toFixed(2)}×)`,
    );
  return {
    figure: '5 peak RSS catchup 100k (beside 10k)',
    a: mb,
    b: ms,
    unit: 'MB',
    ratio: mb / ms,
    goal: 150,
    result: mb < 150 ? 'PASS' : 'FAIL',
  };
}

/**
 * `async update --no-push` in one clone against `git add` + `git commit` of a file of the same
 * size in another clone of the same repository, so both commit into a 100,000-file index.
 */
async function writeFigure(big, reader, env, work, samples) {
  const cli = join(work, 'cli');
  const plain = join(work, 'git');
  for (const dir of [cli, plain]) {
    execFileSync('git', ['clone', '--quiet', big.origin, dir], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    // A fresh checkout's index is "racily clean": refresh it once so neither side pays for that.
    execFileSync('git', ['update-index', '-q', '--refresh'], { cwd: dir, env, stdio: 'ignore' });
  }
  const opts = { cwd: env.HOME, env };
  let entryText = '';
  let counter = 0;
  const write = await alternate(
    [
      {
        name: 'update',
        run: async (i) => {
          // Each run is a new entry: its own minute after the generated history's "now".
          const now = new Date(Date.parse(NOW) + (i + 2) * 60_000).toISOString();
          const result = await run(NODE, [BIN, 'update', '--no-push', '--done', 'x', '-w', cli, '--as', reader], {
            ...opts,
            env: { ...env, ASYNC_NOW: now },
          });
          const rel = /Wrote (\S+\.md)/.exec(result.stdout)?.[1];
          if (result.code !== 0 || !rel)
            warn(`update exited ${result.code}: ${(result.stderr || result.stdout).trim().slice(0, 300)}`, '4');
          else entryText = readFileSync(join(cli, rel), 'utf8');
          return result;
        },
      },
      {
        name: 'git',
        run: async () => {
          const n = counter++;
          const rel = `entries/2026/11/24/20261124T12${String(n % 60).padStart(2, '0')}00Z-${reader}-g${n.toString(36).padStart(3, '0')}.md`;
          const begin = process.hrtime.bigint();
          mkdirSync(join(plain, dirname(rel)), { recursive: true });
          writeFileSync(join(plain, rel), entryText || `${'x'.repeat(200)}\n`);
          const add = await run('git', ['add', '--', rel], { cwd: plain, env });
          const commit = await run('git', ['commit', '--quiet', '-m', `update: ${reader}`], { cwd: plain, env });
          if (add.code !== 0 || commit.code !== 0) warn(`git add/commit failed: ${(add.stderr + commit.stderr).trim().slice(0, 300)}`, '4');
          return { ms: Number(process.hrtime.bigint() - begin) / 1e6 };
        },
      },
    ],
    ROUNDS,
    log,
  );
  const count = (dir) => execFileSync('git', ['rev-list', '--count', 'HEAD'], { cwd: dir, env, encoding: 'utf8' }).trim();
  log(`  commits after the runs: cli clone ${count(cli)}, git clone ${count(plain)}; entry file ${Buffer.byteLength(entryText)} bytes`);
  const u = median(write.samples.update);
  const g = median(write.samples.git);
  Object.assign(samples, write.samples);
  return row('4 update --no-push / git add+commit', u, g, u / g, 1.5, u / g <= 1.5);
}

/** Where the 100k catchup spends its time, by file and function (node --cpu-prof). */
async function profileCatchup(args, env, work) {
  const dir = join(work, 'profile');
  const result = await run(NODE, ['--cpu-prof', '--cpu-prof-dir', dir, ...args], { cwd: env.HOME, env });
  if (result.code !== 0) return warn('could not profile the catchup');
  const file = readdirSync(dir).find((name) => name.endsWith('.cpuprofile'));
  const summary = formatSummary(summarize(JSON.parse(readFileSync(join(dir, file), 'utf8')), 12));
  process.stdout.write(`\nWhere the 100k catchup's time goes (node --cpu-prof, self time):\n${summary}`);
}

function printTable(rows, info, samples, note = `${ROUNDS} alternating rounds, medians`) {
  const lines = [];
  lines.push(`\nasync benchmark — node ${info.node}, ${info.git}, ${info.cpu} (${info.cores} cores); ${note}`);
  const header = ['figure', 'A', 'B', 'A/B', 'goal', 'result'];
  const body = rows.map((r) => {
    const unit = r.unit === 'MB' ? (v) => `${v.toFixed(1)} MB` : fmtMs;
    // A figure with no reference (the scale bench's 60 s limit on join) prints its own goal.
    const value = (v) => (v === undefined ? '—' : unit(v));
    const goal = r.goalText ?? (r.goal === undefined ? '—' : r.unit === 'MB' ? `< ${r.goal} MB` : `≤ ${r.goal}×`);
    const result = r.result === 'PASS' || r.result === 'REPORT' ? r.result : `${r.result} ✗`;
    return [r.figure, value(r.a), value(r.b), r.ratio === undefined ? '—' : `${r.ratio.toFixed(2)}×`, goal, result];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((cells) => cells[i].length)));
  const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
  lines.push(line(header));
  lines.push(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const cells of body) lines.push(line(cells));
  lines.push(
    `\nspread (min–max ms): ${Object.entries(samples)
      .map(([name, v]) => `${name} ${spread(v)}`)
      .join(', ')}`,
  );
  const failed = rows.filter((r) => r.result !== 'PASS' && r.result !== 'REPORT');
  lines.push(
    failed.length === 0
      ? 'All goals met.'
      : `FAIL: ${failed.length} of ${rows.length} goals missed: ${failed.map((r) => `${r.figure.split(' ')[0]}${r.result === 'INVALID' ? ' (invalid: a command failed, see the warnings)' : ''}`).join(', ')}.`,
  );
  process.stdout.write(`${lines.join('\n')}\n`);
}

try {
  await main();
} catch (error) {
  // A broken setup (git missing, generation failed) is worth a stack: it is the bench's own bug.
  log(`bench failed: ${error.stack ?? error}`);
  process.exitCode = 1;
}
