/**
 * The Markdown body the tool writes under an entry's front matter (SPEC §7 "Readable without the
 * tool"): the content again as headings and lists, so a teammate reading the file on a git host
 * that does not render front matter sees a readable page, then a marker line, then the free notes.
 * The front matter stays the source of truth: reading the file back keeps only what follows the
 * marker as the notes, so no reader shows the content twice. A body without the marker (written by
 * hand or by an older version) is all notes.
 */
import { createdLabel, kindSpec, sectionsFor } from './kinds/index.js';
import type { Entry } from './types.js';

export const NOTES_MARKER = '<!-- async: the text above repeats the front matter for readers on the web; notes follow -->';
const MARKER = /^<!-- async:.*-->[ \t]*$/;

/** The generated part, ending with the marker line. */
export function entryBody(entry: Entry): string {
  const spec = kindSpec(entry.kind);
  const out: string[] = [`# ${oneLine(spec.title(entry))}`, ''];
  const facts = [`${entry.author}`, createdLabel(entry)];
  if (entry.tags.length > 0) facts.push(entry.tags.map((tag) => `#${oneLine(tag)}`).join(' '));
  out.push(facts.join(' · '));
  const byline = spec.byline?.(entry);
  if (byline) out.push('', oneLine(byline));
  if (entry.ref !== undefined && spec.refVerb) out.push('', `${capitalise(spec.refVerb)} ${entry.ref}`);
  if (entry.supersedes !== undefined) out.push('', `Supersedes ${entry.supersedes}`);
  for (const section of sectionsFor(entry)) {
    const items = section.items(entry).filter((item) => item.trim() !== '');
    if (items.length === 0) continue;
    out.push('', `## ${section.title}`, '');
    if (section.shape === 'text') out.push(...items.flatMap((item) => defuse(item.trim()).split('\n')));
    else out.push(...items.map((item) => `- ${section.shape === 'checklist' ? '[ ] ' : ''}${oneLine(item)}`));
  }
  out.push('', NOTES_MARKER);
  return `${out.join('\n')}\n`;
}

/** The notes of a body: what follows the first marker line, or the whole body without one. */
export function notesOfBody(body: string): string {
  if (!body.includes('<!-- async:')) return body;
  let start = 0;
  while (start <= body.length) {
    const end = body.indexOf('\n', start);
    const line = end === -1 ? body.slice(start) : body.slice(start, end);
    if (MARKER.test(line)) return end === -1 ? '' : body.slice(end + 1);
    if (end === -1) break;
    start = end + 1;
  }
  return body;
}

/**
 * One line of list text: line breaks become spaces and `<` is written as `&lt;`, so an item can
 * neither end its list, nor fake the marker, nor open an HTML comment that hides the rest of the
 * page on the host.
 */
function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').replace(/</g, '&lt;');
}

/** Paragraph text keeps its Markdown, but no line of it may pass for the marker. */
function defuse(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => (MARKER.test(line.trimStart()) ? line.replace('<', '&lt;') : line))
    .join('\n');
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
