/**
 * The editor flow: a Markdown template with `## Section` headings is filled with what we already
 * know, edited by the user, and read back. Known list sections become entry fields; any other
 * section a team adds to its template (State, Tried, Risks…) is kept, heading and all, in the notes.
 */
import { InvalidInput } from './invalid.js';
import { sanitizeInline } from './sanitize.js';

export interface ComposedFields {
  to: string[];
  asks: string[];
  done: string[];
  next: string[];
  blockers: string[];
  tags: string[];
  links: string[];
  notes: string;
}

const LIST_SECTIONS = ['to', 'asks', 'done', 'next', 'blockers', 'tags', 'links'] as const;
type ListSection = (typeof LIST_SECTIONS)[number];

export function emptyFields(): ComposedFields {
  return { to: [], asks: [], done: [], next: [], blockers: [], tags: [], links: [], notes: '' };
}

const HEADING_START = /^##[ \t]+(\S.*)$/;

/**
 * The most text `--from-file` or the editor may hand to parseTemplate: the size of the largest
 * entry we would read back (MAX_ENTRY_CHARS), so anything longer could not be posted anyway.
 */
export const MAX_TEMPLATE_CHARS = 256 * 1024;

/** `## Title ##` -> "Title". Linear on purpose: a lazy regex with trailing `\s*#*\s*` was cubic. */
function headingOf(line: string): string | undefined {
  const match = HEADING_START.exec(line);
  if (!match) return undefined;
  const title = trimClosingHashes(match[1]!);
  return title === '' ? undefined : title;
}

/**
 * Drops trailing white space and `#`s by walking back from the end. `/[\s#]+$/` is quadratic:
 * the engine retries from every position of a long inner run (`a` + 80,000 spaces + `b` took 14 s).
 */
function trimClosingHashes(text: string): string {
  let end = text.length;
  while (end > 0 && (text[end - 1] === '#' || /\s/.test(text[end - 1]!))) end--;
  return text.slice(0, end);
}

/**
 * Removes `<!-- … -->` comments, as `/<!--[\s\S]*?-->/g` would, in one pass: that regex scans to
 * the end of the text from every unclosed `<!--`, which is quadratic on `<!--` repeated.
 */
function stripComments(text: string): string {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('<!--', from);
    const close = open === -1 ? -1 : text.indexOf('-->', open + 4);
    // No later `<!--` can have a closing `-->` either, so the rest stays as written.
    if (close === -1) return out + text.slice(from);
    out += text.slice(from, open);
    from = close + 3;
  }
}

function sectionKey(title: string): ListSection | 'notes' | undefined {
  const key = title
    .trim()
    .toLowerCase()
    .replace(/[^a-z]/g, '');
  const aliases: Record<string, ListSection | 'notes'> = {
    blocker: 'blockers',
    ask: 'asks',
    tag: 'tags',
    link: 'links',
    note: 'notes',
    recipients: 'to',
  };
  if ((LIST_SECTIONS as readonly string[]).includes(key) || key === 'notes') return key as ListSection | 'notes';
  return aliases[key];
}

/**
 * A suggestion in a list section: `# - item`, a bullet behind `# `. It is dropped when read back,
 * so nothing suggested is posted unless you delete the `# `. Only this shape is a comment: `#123
 * fixed`, `#billing` or a Markdown `# Heading` stay as written, and notes keep every `#` line.
 */
const SUGGESTION = /^#[ \t]+[-*+][ \t]/;

export function suggestionLine(item: string): string {
  return `# - ${item}`;
}

/**
 * Puts known values under their headings (after any comment that explains the section), and the
 * suggested items of a list section after them as `# - item` lines to uncomment.
 */
export function fillTemplate(
  template: string,
  fields: Partial<ComposedFields>,
  suggested: Partial<Record<ListSection, readonly string[]>> = {},
): string {
  return fillSections(template, (heading) => {
    const key = sectionKey(heading);
    const value = key ? fields[key] : undefined;
    if (key === 'notes') return typeof value === 'string' && value !== '' ? [value] : [];
    if (key === undefined) return undefined;
    const offered = suggested[key] ?? [];
    if (!Array.isArray(value) && offered.length === 0) return undefined;
    const hint =
      offered.length > 0 ? ['<!-- Suggested: delete the "# " before a line to keep it. -->', ...offered.map(suggestionLine)] : [];
    return [...(Array.isArray(value) ? value : []).map((item) => `- ${item}`), ...hint];
  });
}

/** Writes the lines `valuesOf` gives for a heading under it, after the comments that explain it. */
function fillSections(template: string, valuesOf: (heading: string) => string[] | undefined): string {
  const lines = template.replace(/\r\n/g, '\n').split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    out.push(lines[i]!);
    const heading = headingOf(lines[i]!);
    const values = heading ? valuesOf(heading) : undefined;
    if (!values) continue;
    while (i + 1 < lines.length && /^\s*<!--.*-->\s*$/.test(lines[i + 1]!)) out.push(lines[++i]!);
    out.push(...values);
  }
  return out.join('\n');
}

/** Reads an edited template back. Comments and suggestions left commented are dropped; empty bullets and sections are ignored. */
export function parseTemplate(text: string): ComposedFields {
  const fields = emptyFields();
  // Text before the first heading is notes too (a file written without the template's headings).
  let block: { title?: string; lines: string[] } | undefined = { lines: [] };
  const blocks: { title?: string; lines: string[] }[] = [block];
  let current: ListSection | undefined;
  for (const line of stripComments(text.replace(/\r\n/g, '\n')).split('\n')) {
    const heading = headingOf(line);
    if (heading) {
      const key = sectionKey(heading);
      current = key === 'notes' ? undefined : key;
      block = key === 'notes' || key === undefined ? { title: key ? undefined : heading, lines: [] } : undefined;
      if (block) blocks.push(block);
      continue;
    }
    if (block) block.lines.push(line);
    else if (current) {
      if (SUGGESTION.test(line)) continue;
      const item = listItem(line);
      if (item !== '') fields[current].push(sectionItem(current, item));
    }
  }
  fields.notes = blocks
    .map(({ title, lines }) => ({ title, body: lines.join('\n').trim() }))
    .filter(({ body }) => body !== '')
    .map(({ title, body }) => (title ? `### ${title}\n\n${body}` : body))
    .join('\n\n');
  return fields;
}

/** A list item as its section reads it: recipients as handles, tags as tags, the rest as written. */
function sectionItem(section: ListSection, item: string): string {
  if (section === 'to') return item.replace(/^@/, '').toLowerCase();
  return section === 'tags' ? tagItem(item) : item;
}

/**
 * A tag as `--tag` takes it: `#billing` is `billing`, and a tag is one word, so "release notes" is
 * refused rather than guessed at (joined? split?), as the flag refuses it.
 */
function tagItem(item: string): string {
  const tag = item.replace(/^#/, '');
  if (/\s/u.test(tag))
    throw new InvalidInput(
      `The Tags section has "${sanitizeInline(item)}": a tag is one word.`,
      'Write release-notes, or one tag per line.',
    );
  return tag;
}

/** A list line without its bullet or checkbox: "- [ ] Run it" -> "Run it". */
function listItem(line: string): string {
  return line
    .replace(/^\s*(?:[-*+]|\d+[.)])\s?/, '')
    .replace(/^\[[ xX]\]\s*/, '')
    .trim();
}

/** What a decision record's own template sections hold (templates/decision.md). */
export interface DecisionDraft {
  title: string;
  context: string;
  options: string[];
  decision: string;
}

const DECISION_SECTIONS: Readonly<Record<string, keyof DecisionDraft>> = {
  title: 'title',
  context: 'context',
  options: 'options',
  option: 'options',
  decision: 'decision',
  decided: 'decision',
};

function decisionKey(heading: string): keyof DecisionDraft | undefined {
  return DECISION_SECTIONS[heading.toLowerCase().replace(/[^a-z]/g, '')];
}

/** The decision template with the record's values and the shared fields (tags, links, notes) filled in. */
export function fillDecisionTemplate(template: string, draft: DecisionDraft, fields: Partial<ComposedFields>): string {
  return fillTemplate(
    fillSections(template, (heading) => {
      const key = decisionKey(heading);
      if (key === undefined) return undefined;
      if (key === 'options') return draft.options.map((option) => `- ${option}`);
      return draft[key] === '' ? [] : [draft[key]];
    }),
    fields,
  );
}

/**
 * An edited decision template read back: its own sections (a title of several lines becomes one),
 * and the rest as parseTemplate reads it, so a team's own sections still land in the notes.
 */
export function parseDecisionTemplate(text: string): { draft: DecisionDraft; fields: ComposedFields } {
  const own = new Map<keyof DecisionDraft, string[]>();
  const rest: string[] = [];
  let current = rest;
  for (const line of stripComments(text.replace(/\r\n/g, '\n')).split('\n')) {
    const heading = headingOf(line);
    const key = heading ? decisionKey(heading) : undefined;
    if (key) {
      current = own.get(key) ?? [];
      own.set(key, current);
      continue;
    }
    if (heading) current = rest;
    current.push(line);
  }
  const block = (key: keyof DecisionDraft) => (own.get(key) ?? []).join('\n').trim();
  return {
    draft: {
      title: block('title').replace(/\s+/g, ' '),
      context: block('context'),
      options: (own.get('options') ?? []).map(listItem).filter((item) => item !== ''),
      decision: block('decision'),
    },
    fields: parseTemplate(rest.join('\n')),
  };
}

/** Something to post: an item or a note that is more than white space (`--done ""` is not). */
export function hasContent(fields: ComposedFields): boolean {
  return (
    [fields.done, fields.next, fields.blockers, fields.asks].some((list) => list.some((item) => item.trim() !== '')) ||
    fields.notes.trim() !== ''
  );
}
