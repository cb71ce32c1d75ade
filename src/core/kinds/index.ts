/** The registry of entry kinds: one file per kind in this folder, listed here once. */
import { ENTRY_KINDS, type Entry, type EntryKind } from '../types.js';
import { ack } from './ack.js';
import { decision } from './decision.js';
import { handoff } from './handoff.js';
import { SHARED_SECTIONS, type KindSpec, type Section } from './kind.js';
import { reply } from './reply.js';
import { resolve } from './resolve.js';
import { unknownKind } from './unknown.js';
import { update } from './update.js';

export type { KindSpec, Section } from './kind.js';
export { createdLabel } from './kind.js';

const KINDS: Readonly<Record<EntryKind, KindSpec>> = { update, handoff, ack, decision, reply, resolve };

/** A kind name another version may write: a short lowercase word, safe to print and to put in a path. */
const KIND_NAME = /^[a-z][a-z0-9_-]{0,31}$/;

export function isKnownKind(kind: string): kind is EntryKind {
  return (ENTRY_KINDS as readonly string[]).includes(kind);
}

export function isKindName(kind: unknown): kind is string {
  return typeof kind === 'string' && KIND_NAME.test(kind);
}

const unknownSpecs = new Map<string, KindSpec>();

/** The kind's spec; a kind this version does not know gets the generic one. */
export function kindSpec(kind: string): KindSpec {
  if (isKnownKind(kind)) return KINDS[kind];
  const known = unknownSpecs.get(kind);
  if (known) return known;
  const spec = unknownKind(kind);
  unknownSpecs.set(kind, spec);
  return spec;
}

/**
 * What readers show of an entry, in order: its kind's own sections first (a decision's context),
 * then the shared lists, and among those also any the kind does not declare but the file holds
 * (a hand-written update with asks): a reader never hides what an entry says.
 */
export function sectionsFor(entry: Entry): Section[] {
  const spec = kindSpec(entry.kind);
  const own = spec.sections.filter((section) => !SHARED_SECTIONS.includes(section));
  const shared = SHARED_SECTIONS.filter((section) => spec.sections.includes(section) || section.items(entry).length > 0);
  return [...own, ...shared];
}
