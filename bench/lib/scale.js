/**
 * The pure parts of the scale mode (`BENCH_SCALE`, issue 16): what a value asks for, and what the
 * timing wrapper reports. Kept apart from the harness so they can be tested without running it.
 */

/** The members of the issue's workspace: `who`'s default view is measured against this many. */
export const SCALE_MEMBERS = 2000;
/** The small history every scale figure is compared with (figures 2 and 4 of the normal bench use it too). */
export const SCALE_SMALL = 10_000;

const SUFFIX = { '': 1, k: 1_000, m: 1_000_000 };
const COUNT = /^(\d+(?:\.\d+)?)([km]?)$/;

function count(text, what, value) {
  const m = COUNT.exec(text.toLowerCase());
  const n = m ? Number(m[1]) * SUFFIX[m[2]] : Number.NaN;
  if (!Number.isSafeInteger(n) || n < 1)
    throw new RangeError(`BENCH_SCALE=${value}: ${what} "${text}" is not a whole count such as 2000, 50k or 1m.`);
  return n;
}

/**
 * `1m` is the workspace: 1,000,000 entries and 2,000 members. Any count parses the same way
 * (`50k`, `2.5k`, `200000`), with 2,000 members unless given after a slash (`50k/500`), so the
 * harness can be developed against small sizes. The history compared with it is 10,000 entries,
 * or a tenth of the scale when that is smaller, so a tiny scale stays tiny.
 * Throws a RangeError (one line) on anything else.
 */
export function parseScale(value) {
  const text = String(value ?? '').trim();
  const [entriesText, membersText, ...rest] = text.split('/');
  if (text === '' || rest.length > 0) throw new RangeError(`BENCH_SCALE=${value}: give ENTRIES or ENTRIES/MEMBERS, such as 1m or 50k/500.`);
  const entries = count(entriesText, 'the entry count', value);
  const members = membersText === undefined ? SCALE_MEMBERS : count(membersText, 'the member count', value);
  if (members < 2) throw new RangeError(`BENCH_SCALE=${value}: at least 2 members (a reader and someone else).`);
  const small = Math.min(SCALE_SMALL, Math.max(1, Math.floor(entries / 10)));
  return { entries, members, small, label: label(entries) };
}

/** 1000000 → "1M", 50000 → "50k", 2500 → "2.5k", 999 → "999". */
export function label(n) {
  if (n >= 1_000_000 && n % 10_000 === 0) return `${n / 1_000_000}M`;
  if (n >= 1_000 && n % 100 === 0) return `${n / 1_000}k`;
  return String(n);
}

const RUSAGE = /\nrusage-wall-ms=(\d+(?:\.\d+)?) rusage-maxrss-kib=(\d+)\n$/;

/**
 * Splits what `bench/lib/rusage.py` appended to a command's stderr from the command's own:
 * `{ ms, maxrssKib, stderr }`, or null if the wrapper's line is missing.
 */
export function parseRusage(stderr) {
  const m = RUSAGE.exec(stderr);
  if (!m) return null;
  return { ms: Number(m[1]), maxrssKib: Number(m[2]), stderr: stderr.slice(0, m.index) };
}

/** Bytes as MB (10^6), the unit of the bench's other memory figure. */
export const mb = (bytes) => bytes / 1e6;
