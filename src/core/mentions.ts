/** `@handle` mentions in entry text, for the "mentions you" part of a catch-up. */
import { isValidHandle } from './handle.js';
import type { Entry } from './types.js';

// The `@` must not continue a word, an email address (`bob@example.com`), a path or a URL
// (`https://host/@bob`), and the handle must end where the handle grammar ends: `@bob.example`
// reads as a domain, but `@bob.` at the end of a sentence is a mention.
const MENTION = /(?<![\p{L}\p{N}\p{M}_.+\-@/\\])@([a-z0-9][a-z0-9_-]{0,31})(?![\p{L}\p{N}\p{M}_-]|\.[\p{L}\p{N}])/giu;

/** The handles mentioned in `text`, lowercased, each once, in order of first mention. */
export function mentionsOf(text: string): string[] {
  const found = new Set<string>();
  for (const match of text.matchAll(MENTION)) {
    const handle = (match[1] ?? '').toLowerCase();
    if (isValidHandle(handle)) found.add(handle);
  }
  return [...found];
}

/** Mentions anywhere a teammate writes prose: blockers, asks, done, next, a decision's text and the notes. */
export function entryMentions(entry: Pick<Entry, 'blockers' | 'asks' | 'done' | 'next' | 'notes' | 'decision'>): string[] {
  const d = entry.decision;
  const decided = d ? [d.title, d.context, ...d.options, d.decision] : [];
  const texts = [...entry.blockers, ...entry.asks, ...entry.done, ...entry.next, ...decided, entry.notes];
  return [...new Set(texts.flatMap(mentionsOf))];
}
