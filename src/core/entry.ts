/**
 * The entry codec (SPEC §1, §7): Markdown with YAML front matter, one immutable file per entry.
 * Reading is tolerant of other versions and of people writing by hand (CRLF, a byte-order mark,
 * unknown keys kept aside, an unknown kind, an id whose time is not exactly `created`, missing lists
 * empty, a scalar where a list belongs read as one item) and strict about what identifies an entry:
 * id, kind, author and created must be present and valid, and the id must be the author's. Each
 * kind's own keys are read and written by its file in core/kinds/.
 */
import { isValidZone } from '../tz/index.js';
import { entryBody, notesOfBody } from './entryBody.js';
import { isValidHandle } from './handle.js';
import { idHandle, isEntryId } from './ids.js';
import { isoInstant } from './isoInstant.js';
import { isKindName, kindSpec } from './kinds/index.js';
import type { Entry } from './types.js';
import { parseYamlSafely, stringifyYaml } from './yaml.js';

/** Entries are a few KiB; a file past this is not read. */
export const MAX_ENTRY_CHARS = 256 * 1024;
const MAX_FRONT_MATTER_CHARS = 64 * 1024;

export type EntryParse = { ok: true; entry: Entry; extra: Record<string, unknown> } | { ok: false; error: string };

const LIST_KEYS = ['done', 'next', 'blockers', 'to', 'asks', 'links', 'tags'] as const;
type ListKey = (typeof LIST_KEYS)[number];
/** Keys every kind shares; a kind's own are in its spec. */
const SHARED_KEYS = new Set<string>(['id', 'kind', 'author', 'created', 'tz', 'ref', 'supersedes', ...LIST_KEYS]);
const FENCE = /^---[ \t]*$/;

/** Kept for callers that parse instants the way entries do. */
export const isoInstantMs = isoInstant;

/** `source` names the file; a `.md` file must be named after the id it holds. */
export function parseEntry(text: string, source: string): EntryParse {
  if (text.length > MAX_ENTRY_CHARS) return fail(`it is larger than ${MAX_ENTRY_CHARS / 1024} KiB`);
  const split = splitFrontMatter(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (typeof split === 'string') return fail(split);
  const parsed = parseYamlSafely(split.yaml, { maxChars: MAX_FRONT_MATTER_CHARS });
  if (!parsed.ok) return fail(`its front matter is not valid: ${parsed.error}`);
  const data = parsed.value;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) return fail('its front matter is not a YAML mapping');
  const fields = data as Record<string, unknown>;

  const { id, kind, author, created } = fields;
  if (id === undefined || id === null) return fail('id is missing');
  if (!isEntryId(id)) return fail(`id ${show(id)} is not an entry id`);
  if (source.endsWith('.md') && !source.endsWith(`/${id}.md`) && source !== `${id}.md`) {
    return fail(`id ${id} does not match the file name`);
  }
  if (kind === undefined || kind === null) return fail('kind is missing');
  if (!isKindName(kind)) return fail(`kind ${show(kind)} is not a kind name (a short lowercase word such as update)`);
  if (author === undefined || author === null) return fail('author is missing');
  if (!isValidHandle(author)) return fail(`author ${show(author)} is not a valid handle`);
  if (idHandle(id) !== author) return fail(`id ${id} was not made by the author ${author}`);
  if (created === undefined || created === null) return fail('created is missing');
  const createdMs = typeof created === 'string' ? isoInstant(created) : null;
  if (typeof created !== 'string' || createdMs === null) return fail(`created ${show(created)} is not an ISO 8601 time with an offset`);
  // The id's time may differ from `created` (a person naming a file on the host's web page rounds
  // it): order and windows follow `created`, and the id only names the file.

  const lists = {} as Record<ListKey, string[]>;
  for (const key of LIST_KEYS) {
    const list = toList(fields[key], key);
    if (typeof list === 'string') return fail(list);
    lists[key] = list;
  }
  const stranger = lists.to.find((handle) => !isValidHandle(handle));
  if (stranger !== undefined) return fail(`to holds ${show(stranger)}, which is not a handle`);
  const supersedes = fields.supersedes;
  if (supersedes !== undefined && supersedes !== null && !isEntryId(supersedes))
    return fail(`supersedes ${show(supersedes)} is not an entry id`);

  // tz only labels the author's local time, which `created` already carries: a bad one is dropped
  // rather than costing the reader a handoff.
  const tz = typeof fields.tz === 'string' && isValidZone(fields.tz) ? fields.tz : '';
  const entry: Entry = { id, kind, author, created, createdMs, tz, ...lists, notes: trimBlankLines(notesOfBody(split.body)) };
  if (isEntryId(fields.ref)) entry.ref = fields.ref;
  if (isEntryId(supersedes)) entry.supersedes = supersedes;
  const spec = kindSpec(kind);
  const problem = spec.decode(fields, entry);
  if (problem !== undefined) return fail(problem);

  const known = new Set(spec.keys);
  const extra: Record<string, unknown> = Object.create(null);
  for (const key of Object.keys(fields)) if (!SHARED_KEYS.has(key) && !known.has(key)) extra[key] = fields[key];
  return { ok: true, entry, extra };
}

function fail(error: string): { ok: false; error: string } {
  return { ok: false, error };
}

function splitFrontMatter(text: string): { yaml: string; body: string } | string {
  const first = text.indexOf('\n');
  if (!FENCE.test(first === -1 ? text : text.slice(0, first))) return 'it does not start with a "---" front matter line';
  for (let start = first + 1; start > 0; ) {
    const end = text.indexOf('\n', start);
    if (FENCE.test(end === -1 ? text.slice(start) : text.slice(start, end))) {
      return { yaml: text.slice(first + 1, start), body: end === -1 ? '' : text.slice(end + 1) };
    }
    start = end + 1;
  }
  return 'its front matter has no closing "---" line';
}

function toList(value: unknown, key: string): string[] | string {
  if (value === undefined || value === null) return [];
  const list: string[] = [];
  for (const item of Array.isArray(value) ? value : [value]) {
    if (typeof item === 'string') list.push(item);
    else if (typeof item === 'number' || typeof item === 'boolean') list.push(String(item));
    else if (item !== null) return `${key} holds ${Array.isArray(item) ? 'a list' : 'a mapping'} where text belongs`;
  }
  return list;
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return Array.isArray(value) ? 'a list' : typeof value === 'object' ? 'a mapping' : String(value);
}

/** Drops blank lines before and after the text, keeping the first line's indentation. */
function trimBlankLines(text: string): string {
  let start = 0;
  for (let nl = text.indexOf('\n'); nl !== -1 && text.slice(start, nl).trim() === ''; nl = text.indexOf('\n', start)) start = nl + 1;
  let end = text.length;
  for (let nl = text.lastIndexOf('\n', end - 1); nl >= start && text.slice(nl + 1, end).trim() === ''; nl = text.lastIndexOf('\n', end - 1))
    end = nl;
  const trimmed = text.slice(start, end);
  return trimmed.trim() === '' ? '' : trimmed;
}

/** `entries/YYYY/MM/DD/<id>.md`, by the UTC date the id (and so `created`) carries. */
export function entryRelPath(entry: Pick<Entry, 'id'> | string): string {
  const id = typeof entry === 'string' ? entry : entry.id;
  if (!isEntryId(id)) throw new RangeError(`${JSON.stringify(id)} is not an entry id.`);
  return `entries/${id.slice(0, 4)}/${id.slice(4, 6)}/${id.slice(6, 8)}/${id}.md`;
}

/**
 * Front matter in the SPEC's key order, written by the YAML library so that no text can add keys,
 * then the content again as Markdown for readers on the web (core/entryBody.ts), then the notes.
 * Keys that do not apply to the kind are left out.
 */
export function serializeEntry(entry: Entry): string {
  const spec = kindSpec(entry.kind);
  const front: Record<string, unknown> = { id: entry.id, kind: entry.kind, author: entry.author, created: entry.created };
  if (entry.tz !== '') front.tz = entry.tz;
  for (const key of ['done', 'next', 'blockers'] as const) {
    if (spec.lists.includes(key) || entry[key].length > 0) front[key] = [...entry[key]];
  }
  Object.assign(front, spec.encode(entry));
  if (entry.supersedes !== undefined) front.supersedes = entry.supersedes;
  if (entry.links.length > 0) front.links = [...entry.links];
  if (entry.tags.length > 0) front.tags = [...entry.tags];
  const notes = trimBlankLines(entry.notes.replace(/\r\n?/g, '\n'));
  return `---\n${stringifyYaml(front)}---\n\n${entryBody(entry)}${notes === '' ? '' : `\n${notes}\n`}`;
}
