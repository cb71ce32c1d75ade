/**
 * The entries of a synthetic history, in the order they were written, each with its file text.
 * People write near the end of their own working day, on their own workdays, in their own zone;
 * ~15% of entries hand work over, and recipients acknowledge some handoffs on their next entry.
 *
 * A history is made of segments (the old years, the recent hours) with their own random streams,
 * so the recent segment is the same whatever came before it: the benchmark can compare a 10,000-
 * and a 100,000-entry history with identical recent activity.
 */
import { makeRandom } from './random.js';
import * as text from './text.js';
import { idStamp, localIso, offsetMinutes, weekdayOf } from './zones.js';
import { windowEndMinutes } from './roster.js';

const DAY = 86_400_000;
const HANDOFF_SHARE = 0.16;
/** Chance that someone with a handoff waiting for them acknowledges it in their next entry. */
const ACK_CHANCE = 0.25;
/** Handoffs older than this are no longer acknowledged: people moved on. */
const ACK_HORIZON = 3 * DAY;
/** How often the reader is among a handoff's recipients or a blocker's @mention. */
const READER_BIAS = 0.1;

/**
 * `count` entries created in [from, to), chronological. `stream` names the random streams, so
 * equal (seed, stream, members, from, to, count) give equal entries.
 */
export function* segment({ seed, stream, members, reader, from, to, count }) {
  const times = makeRandom(seed, `${stream}/times`);
  const kinds = makeRandom(seed, `${stream}/kinds`);
  const words = makeRandom(seed, `${stream}/text`);
  const slots = [];
  for (let i = 0; i < count; i++) {
    const author = times.pick(members);
    slots.push({ t: writingTime(times, author, from, to), author });
  }
  slots.sort((a, b) => a.t - b.t || (a.author.handle < b.author.handle ? -1 : 1));

  const waiting = new Map(); // handle -> handoffs addressed to them, oldest first
  const ids = new Set();
  for (const { t, author } of slots) {
    let id;
    do id = `${idStamp(t)}-${author.handle}-${words.suffix()}`;
    while (ids.has(id));
    ids.add(id);

    const queue = (waiting.get(author.handle) ?? []).filter((h) => t - h.t < ACK_HORIZON);
    waiting.set(author.handle, queue);
    let entry;
    if (queue.length > 0 && kinds.chance(ACK_CHANCE)) {
      const handoff = queue.shift();
      entry = { id, t, author, kind: 'ack', ref: handoff.id, to: [] };
    } else if (kinds.chance(HANDOFF_SHARE)) {
      const to = recipients(kinds, members, author, reader);
      entry = { id, t, author, kind: 'handoff', to };
      for (const handle of to) {
        if (!waiting.has(handle)) waiting.set(handle, []);
        waiting.get(handle).push({ id, t });
      }
    } else {
      entry = { id, t, author, kind: 'update', to: [] };
    }
    entry.text = entryText(entry, words, members, reader);
    entry.path = `entries/${id.slice(0, 4)}/${id.slice(4, 6)}/${id.slice(6, 8)}/${id}.md`;
    yield entry;
  }
}

/**
 * A time near the end of `member`'s working window on one of their workdays, inside [from, to).
 * Windows that are too narrow for that (a 36-hour slice) are sampled by retrying, then uniformly.
 */
function writingTime(rng, member, from, to) {
  const endMinutes = windowEndMinutes(member.effectiveHours);
  for (let tries = 0; tries < 40; tries++) {
    // Local dates run up to a day either side of the UTC dates in range.
    const day = Math.floor((from - DAY + rng.next() * (to - from + 2 * DAY)) / DAY) * DAY;
    if (!member.effectiveWorkdays.has(weekdayOf(day)) && !rng.chance(0.08)) continue;
    // Most write in the last two hours of their day; some mid-day.
    const minute = rng.chance(0.85) ? endMinutes - rng.int(0, 120) : endMinutes - rng.int(120, 420);
    const approx = day + minute * 60_000 + rng.int(0, 59) * 1000;
    const t = approx - offsetMinutes(member.tz, approx) * 60_000;
    if (t >= from && t < to) return t;
  }
  return Math.floor((from + rng.next() * (to - from)) / 1000) * 1000;
}

function recipients(rng, members, author, reader) {
  const to = [];
  if (author.handle !== reader && rng.chance(READER_BIAS)) to.push(reader);
  const wanted = rng.chance(0.75) ? 1 : 2;
  while (to.length < wanted) {
    const other = rng.pick(members).handle;
    if (other !== author.handle && !to.includes(other)) to.push(other);
  }
  return to;
}

function mention(rng, members, author, reader) {
  if (author.handle !== reader && rng.chance(READER_BIAS)) return reader;
  const other = rng.pick(members).handle;
  return other === author.handle ? undefined : other;
}

/**
 * The file: front matter in the SPEC's key order, then the notes. Most entries look like the
 * tool's own writer made them (block lists, quoted `created`); one in ten is in the flow style
 * the SPEC shows, as another version or a hand edit would leave it.
 */
function entryText(entry, rng, members, reader) {
  const flow = rng.chance(0.1);
  const list = (key, items) => {
    if (flow || items.length === 0) return `${key}: [${items.map((s) => text.scalar(s, { flow: true })).join(', ')}]\n`;
    return `${key}:\n${items.map((s) => `  - ${text.scalar(s)}\n`).join('')}`;
  };
  const { author } = entry;
  const created = localIso(author.tz, entry.t);
  let out = `---\nid: ${entry.id}\nkind: ${entry.kind}\nauthor: ${author.handle}\ncreated: ${flow ? created : `"${created}"`}\ntz: ${author.tz}\n`;
  if (entry.kind !== 'ack') {
    out += list(
      'done',
      Array.from({ length: rng.int(1, 3) }, () => text.workItem(rng)),
    );
    out += list(
      'next',
      Array.from({ length: rng.int(0, 2) }, () => text.nextItem(rng)),
    );
    const blockers = rng.chance(0.15) ? [text.blocker(rng, rng.chance(0.6) ? mention(rng, members, author, reader) : undefined)] : [];
    out += list('blockers', blockers);
  }
  if (entry.kind === 'handoff') {
    out += list('to', entry.to);
    out += list(
      'asks',
      Array.from({ length: rng.int(1, 2) }, () => text.ask(rng)),
    );
  }
  if (entry.kind === 'ack') out += `ref: ${entry.ref}\n`;
  if (rng.chance(0.3)) out += list('links', [text.link(rng)]);
  if (rng.chance(0.5)) out += list('tags', [...new Set(Array.from({ length: rng.int(1, 2) }, () => rng.pick(text.TAGS)))]);
  const body = entry.kind === 'ack' ? `Got it, picking this up${rng.chance(0.5) ? ' first thing' : ''}.` : text.notes(rng);
  return `${out}---\n${body === '' ? '' : `\n${body}\n`}`;
}

/** The commit the tool would make for this entry (SPEC §5: one commit per entry). */
export function commitMessage(entry) {
  const subject =
    entry.kind === 'handoff'
      ? `handoff: ${entry.author.handle} → ${entry.to.join(', ')}`
      : entry.kind === 'ack'
        ? `ack: ${entry.author.handle} acknowledges ${entry.ref}`
        : `update: ${entry.author.handle}`;
  return `${subject}\n\nEntry ${entry.id}\n`;
}
