import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import type { HolidayDays } from '../core/holidays.js';
import { UsageError } from '../errors.js';
import { holidayPath, readHolidayFile } from '../store/holidays.js';
import { identityOf } from '../store/publish.js';
import { openSession, resolveMe, type GlobalOptions } from '../store/session.js';
import type { FileChange } from '../store/transaction.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { describePush } from './pushMessage.js';
import { commitAndPush } from './write.js';

interface SyncOptions extends GlobalOptions {
  years?: string;
  push?: boolean;
}

/** This year and next: enough to plan a handoff over New Year, and a file still short to review. */
export const DEFAULT_YEARS = 2;
const MAX_YEARS = 10;

export function register(program: Command, ctx: Context): void {
  const holidays = addExamples(program.command('holidays'), [['async holidays sync'], ['async holidays sync --years 3']])
    .summary('public holidays of the regions members use (sync)')
    .description('Public holidays per member region, kept in holidays/<REGION>.yaml (date: name).');
  addExamples(holidays.command('sync'), [['async holidays sync', 'this year and the next'], ['async holidays sync --years 5 --no-push']])
    .description('write holidays/<REGION>.yaml for every region a member uses, keeping dates added by hand (commits and pushes)')
    .option('--years <n>', `this year and the next N-1 (default ${DEFAULT_YEARS})`)
    .option('--no-push', 'commit locally only')
    .action(async (_o: SyncOptions, cmd: Command) => {
      await runHolidaysSync(ctx, cmd.optsWithGlobals<SyncOptions>());
    });
}

export async function runHolidaysSync(ctx: Context, options: SyncOptions): Promise<void> {
  const years = parseYears(options.years);
  const session = await openSession(ctx, options, { writing: true });
  const me = await resolveMe(ctx, session, options);
  // Pull first, as a handoff does: a teammate's new region or hand-added company day may be on
  // the remote, and a file rewritten from an old copy would conflict when pushed.
  if (options.push !== false) {
    const { refresh } = await import('./refresh.js');
    const warnings = await refresh(ctx, session, me, { push: false, offline: 'syncing the regions and files this clone has' });
    for (const warning of warnings) ctx.stderr.write(`warning: ${warning}\n`);
  }
  const users = new Map<string, string[]>();
  for (const member of session.roster.members) {
    if (member.holidays) users.set(member.holidays, [...(users.get(member.holidays) ?? []), member.handle]);
  }
  if (users.size === 0) {
    throw new UsageError(
      'No member has a holidays region, so there is nothing to sync.',
      "Set one with 'async member set --holidays DE-BY'.",
    );
  }
  const first = ctx.now().getUTCFullYear();
  const span = years === 1 ? `${first}` : `${first}–${first + years - 1}`;
  const regions = [...users.keys()].sort();

  // The library (a megabyte of rules) is loaded here only: reading the files never needs it.
  const { default: Holidays } = await import('date-holidays');
  const generated = new Map<string, Map<string, string>>();
  for (const region of regions) {
    const days = publicHolidays(Holidays, region, first, years);
    if (!days) {
      const who = users.get(region)!.map((handle) => `members/${handle}.yaml`);
      throw new UsageError(
        `Unknown holidays region "${region}" (in ${who.join(', ')}).`,
        `Use a country or country-state code that date-holidays knows, such as US, DE or DE-BY: 'async member set HANDLE --holidays CODE'.`,
      );
    }
    generated.set(region, days);
  }

  const { mergeHolidays, serializeHolidays } = await import('../core/holidays.js');
  const changes: FileChange[] = [];
  const lines: string[] = [];
  for (const region of regions) {
    const path = holidayPath(region);
    const read = await readHolidayFile(session.ws, region);
    if (read.state === 'bad') {
      throw new UsageError(
        `${path} cannot be read (${read.error.replace(/\.$/, '')}); nothing was written.`,
        `Fix or remove it (git log -p -- ${path} shows its history), then run 'async holidays sync' again.`,
      );
    }
    const current: HolidayDays = read.state === 'ok' ? read.days : new Map();
    // The warnings quote the file's text.
    for (const warning of read.state === 'ok' ? read.warnings : [])
      ctx.stderr.write(`warning: ${sanitizeInline(`${path}: ${warning}; it is dropped`)}.\n`);
    const days = generated.get(region)!;
    const merged = mergeHolidays(current, days);
    const content = serializeHolidays(region, merged);
    const kept = [...current.keys()].filter((date) => !days.has(date)).length;
    const keptNote = kept > 0 ? `, ${kept} kept from the file` : '';
    if (read.state === 'ok' && sameDays(current, merged) && read.warnings.length === 0) {
      lines.push(`${path} is up to date (${days.size} public holidays in ${span}${keptNote}).`);
      continue;
    }
    changes.push({ path, content });
    lines.push(`Wrote ${path} (${days.size} public holidays in ${span}${keptNote}).`);
  }
  if (changes.length === 0) {
    ctx.stdout.write(`${lines.join('\n')}\n`);
    return;
  }
  const message = `Public holidays ${span}: ${changes.map((c) => c.path.slice('holidays/'.length, -'.yaml'.length)).join(', ')}`;
  const tx = { changes, message, author: identityOf(me), ...(session.commitPlan ? { plan: session.commitPlan } : {}) };
  const report = await commitAndPush(ctx, session.ws, tx, options);
  // Only validated region codes and counts: nothing here comes from a file's text.
  const done = lines.join('\n');
  ctx.stdout.write(`${done} ${describePush(report.state, done)}\n`);
}

function parseYears(text: string | undefined): number {
  if (text === undefined) return DEFAULT_YEARS;
  const years = /^\s*\d{1,3}\s*$/.test(text) ? Number(text) : Number.NaN;
  if (!(years >= 1 && years <= MAX_YEARS)) {
    throw new UsageError(
      `--years must be a whole number from 1 to ${MAX_YEARS}, not "${text}".`,
      `The default is ${DEFAULT_YEARS}: this year and next.`,
    );
  }
  return years;
}

type Library = typeof import('date-holidays')['default'];

/**
 * The region's public holidays in `years` years from `first`, date → English name (the local name
 * where the library has no English one), or null when the library does not know the region.
 * Only type `public` counts (see the README): bank holidays, observances and school days do not
 * close most workplaces, and a team adds its own by hand. A holiday that starts after midnight is
 * part of a day only (China's Women's Day, from 12:00): the working day still exists.
 */
function publicHolidays(Holidays: Library, region: string, first: number, years: number): Map<string, string> | null {
  const [country, state] = region.split('-') as [string, string | undefined];
  // init() accepts unknown codes silently, so the code is checked against the library's lists.
  const lists = new Holidays();
  if (!Object.hasOwn(lists.getCountries('en') ?? {}, country)) return null;
  if (state !== undefined && !Object.hasOwn(lists.getStates(country, 'en') ?? {}, state)) return null;
  const options = { languages: ['en'], types: ['public' as const] };
  const library = state === undefined ? new Holidays(country, options) : new Holidays(country, state, options);
  const days = new Map<string, string>();
  for (let year = first; year < first + years; year++) {
    for (const holiday of library.getHolidays(year, 'en')) {
      if (holiday.type !== 'public' || !/^\d{4}-\d{2}-\d{2} 00:00:00$/.test(holiday.date)) continue;
      // A holiday of several days (China's Spring Festival is listed day by day; a few are not) covers each of them.
      const length = Math.max(1, Math.round((holiday.end.getTime() - holiday.start.getTime()) / 86_400_000));
      for (let i = 0; i < length; i++) {
        const date = addDays(holiday.date.slice(0, 10), i);
        const name = holiday.name.trim();
        const before = days.get(date);
        days.set(date, before && before !== name ? `${before} / ${name}` : name);
      }
    }
  }
  return days;
}

function addDays(date: string, days: number): string {
  if (days === 0) return date;
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

function sameDays(a: ReadonlyMap<string, string | null>, b: ReadonlyMap<string, string | null>): boolean {
  return a.size === b.size && [...a].every(([date, name]) => b.get(date) === name && b.has(date));
}
