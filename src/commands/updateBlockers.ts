/**
 * What an update does with your open blockers (SPEC §7): carry them forward (`--carry ID`: the
 * blockers are copied into this update, which records `carries: [ID]`, so they are counted open
 * once, here) or resolve them (`--resolve ID`: a resolve entry in the same commit). On a terminal,
 * the prompt flow asks about each of your open blockers first.
 */
import type { Context } from '../context.js';
import type { ComposedFields } from '../core/template.js';
import type { Entry, Member } from '../core/types.js';
import { UsageError } from '../errors.js';
import type { Session } from '../store/session.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { alreadyResolved, findOpenBlocker, resolution } from './blockerLookup.js';

export interface BlockerChoices {
  /** Your entries whose blockers this update carries forward. */
  carry: Entry[];
  /** Entries whose blockers this update resolves. */
  resolve: Entry[];
}

export interface BlockerFlags {
  carry?: string[];
  resolve?: string[];
}

/** `--carry ID` / `--resolve ID`, checked: open blockers; carried ones yours. */
export async function blockerFlags(ctx: Context, session: Session, me: Member, now: number, flags: BlockerFlags): Promise<BlockerChoices> {
  const carry: Entry[] = [];
  const resolve: Entry[] = [];
  for (const id of flags.carry ?? []) {
    const { target, resolvedBy } = await findOpenBlocker(ctx, session, me, id, now, '--carry');
    if (resolvedBy) throw new UsageError(`--carry: ${alreadyResolved(target, resolvedBy)}`, 'There is nothing to carry forward.');
    if (target.author !== me.handle)
      throw new UsageError(
        `--carry: ${target.id} is ${sanitizeInline(target.author)}'s: only its author carries its blockers forward.`,
        `Resolve it with --resolve ${target.id}, or reply to it.`,
      );
    carry.push(target);
  }
  for (const id of flags.resolve ?? []) {
    const { target, resolvedBy } = await findOpenBlocker(ctx, session, me, id, now, '--resolve');
    if (resolvedBy) {
      ctx.stdout.write(`${alreadyResolved(target, resolvedBy)} Not resolving it again.\n`);
      continue;
    }
    resolve.push(target);
  }
  const both = carry.find((entry) => resolve.some((other) => other.id === entry.id));
  if (both) throw new UsageError(`${both.id} is given to both --carry and --resolve.`, 'Carry it forward or resolve it, not both.');
  return { carry: unique(carry), resolve: unique(resolve) };
}

export interface MyOpenBlocker {
  entry: Entry;
  /** Since when it has been open (through the updates that carried it). */
  sinceMs: number;
}

/** Your open blockers of the last 30 days (from the threads caches, as catch-up reads them), oldest first. */
export async function myOpenBlockers(session: Session, me: Member, now: number): Promise<MyOpenBlocker[]> {
  const { readEntriesInRange } = await import('../store/entries.js');
  const { BLOCKER_WINDOW_MS } = await import('../core/openBlockers.js');
  const { linkEntries } = await import('../core/threads.js');
  const { openBlockers, openSince } = await import('../core/waiting.js');
  const { entries } = await readEntriesInRange(session.ws, now - BLOCKER_WINDOW_MS, now + 86_400_000, { subset: 'threads' });
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return openBlockers(entries, linkEntries(entries))
    .filter((entry) => entry.author === me.handle && entry.createdMs <= now)
    .map((entry) => ({ entry, sinceMs: openSince(byId, entry) }));
}

/** On a terminal, before the other questions: carry, resolve or leave each of your open blockers. */
export async function askOpenBlockers(ctx: Context, open: readonly MyOpenBlocker[], now: number): Promise<BlockerChoices> {
  const choices: BlockerChoices = { carry: [], resolve: [] };
  if (open.length === 0) return choices;
  const { askChoice } = await import('../ui/prompt.js');
  const { openAge } = await import('../ui/catchup/blockers.js');
  ctx.stdout.write(`You have ${open.length === 1 ? 'an open blocker' : `${open.length} open blockers`}:\n`);
  for (const { entry, sinceMs } of open) {
    const text = entry.blockers.map((blocker) => `“${sanitizeInline(blocker)}”`).join(', ');
    const answer = await askChoice(ctx, `${text} (${openAge(Math.max(0, now - sinceMs))}, ${entry.id})`, [
      { value: 'carry', name: 'carry it into this update (still blocked)' },
      { value: 'resolve', name: 'resolve it (no longer blocked)' },
      { value: 'leave', name: 'leave it as it is' },
    ]);
    if (answer === 'carry') choices.carry.push(entry);
    else if (answer === 'resolve') choices.resolve.push(entry);
  }
  return choices;
}

/** The update's fields with the carried blockers first (each once), and its `carries`. */
export function withCarried(fields: ComposedFields, carry: readonly Entry[]): ComposedFields {
  const carried = carry.flatMap((entry) => entry.blockers.filter((blocker) => blocker.trim() !== ''));
  return { ...fields, blockers: [...new Set([...carried, ...fields.blockers])] };
}

/** The update as posted: `carries` set when it carries anything. */
export function carrying(update: Entry, carry: readonly Entry[]): Entry {
  return carry.length > 0 ? { ...update, carries: carry.map((entry) => entry.id) } : update;
}

/** The resolve entries to write with the update, in the same commit. */
export function resolutions(me: Member, now: number, resolve: readonly Entry[]): Entry[] {
  return resolve.map((target) => resolution(me, now, target, ''));
}

function unique(entries: readonly Entry[]): Entry[] {
  const seen = new Set<string>();
  return entries.filter((entry) => !seen.has(entry.id) && seen.add(entry.id));
}
