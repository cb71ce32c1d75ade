/**
 * Commit subjects that say what the entry is (SPEC §7): `handoff: alice → bob: Run the migration
 * on staging`, so `git log --oneline` on any host reads as the team's history. The kind's file
 * gives the lead and the line that matters; teammates' text is made one printable line and cut.
 */
import { kindSpec } from './kinds/index.js';
import { sanitizeInline } from './sanitize.js';
import type { Entry } from './types.js';

/** Git hosts cut the subject line around here. */
export const SUBJECT_CHARS = 72;

export function commitSubject(entry: Entry): string {
  const spec = kindSpec(entry.kind);
  const lead = spec.subject(entry);
  const summary = spec.summary(entry);
  const text = summary === undefined ? lead : `${lead}: ${summary}`;
  return shorten(sanitizeInline(text.replace(/\s+/g, ' ').trim()), SUBJECT_CHARS);
}

function shorten(text: string, max: number): string {
  const chars = [...text];
  return chars.length <= max
    ? text
    : `${chars
        .slice(0, max - 1)
        .join('')
        .trimEnd()}…`;
}

/**
 * The subject's lead alone ("handoff: alice → bob"), built from validated data only (handles, ids,
 * the kind, a status): what may go where git takes an argument, such as a reflog line.
 */
export function commitLead(entry: Entry): string {
  return sanitizeInline(kindSpec(entry.kind).subject(entry)).replace(/[^\p{L}\p{N} :→(),_.-]/gu, '');
}
