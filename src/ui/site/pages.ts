/**
 * The whole site as files (relative path → HTML), from what the command read: pure, so a test can
 * build a site from entries without a disk. index.html (the team's day, what is waiting, the
 * latest entries), decisions.html, search.html, and entries/<id>.html for each entry.
 */
import { searchText } from '../../core/search.js';
import type { SearchItem } from '../../core/searchIndex.js';
import { isCurrent, linkEntries } from '../../core/threads.js';
import { teamWaiting, type WaitingItem } from '../../core/teamWaiting.js';
import type { Entry } from '../../core/types.js';
import { embedMember, teamDay, type TeamDayMember } from '../../tz/teamDay.js';
import type { ZoneDataSubset } from '../../tz/zone.js';
import { formatDuration } from '../../tz/index.js';
import { utcStamp } from '../../tz/stamp.js';
import { ackByHtml, createdFields, entryHref, entryLink, entrySummary, hasPageId, inputByHtml, renderEntry } from './entry.js';
import { inline, jsonForScript } from './html.js';
import type { MarkdownRender } from './markdown.js';
import { renderPage } from './shell.js';
import { stampHtml } from './stamp.js';
import { renderTimeline } from './timeline.js';

const DAY_MS = 86_400_000;
/** How far back "latest" looks: a week, as `async log` does by default. */
export const LATEST_DAYS = 7;

export interface SiteInput {
  team: string;
  now: number;
  /** "async 0.2.0 (tz 2026f)". */
  versionLine: string;
  members: readonly TeamDayMember[];
  /** Every entry of the history. */
  entries: readonly Entry[];
  escalateAfterMs: number;
  /**
   * Entries before this get no page and are not searched (`site --since`), except decisions (the
   * log is whole) and what is still waiting. Undefined: the whole history.
   */
  since?: number;
  md: MarkdownRender;
  /** dist/site.js. */
  script: string;
  tz: ZoneDataSubset;
}

const byNewest = (a: Entry, b: Entry) => b.createdMs - a.createdMs || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

export function buildSite(input: SiteInput): Map<string, string> {
  const files = new Map<string, string>();
  // One entry per id, whatever the reader handed in twice (a file both committed and pending).
  const entries = [...new Map(input.entries.map((e) => [e.id, e])).values()].sort(byNewest);
  const links = linkEntries(entries);
  const zones = new Map(input.members.map((m) => [m.handle, m.tz]));
  const footer = `Built ${stampHtml(input.now)} by ${inline(input.versionLine)}. Times are UTC, then the writer’s (or for a handoff’s deadline, the recipient’s) own time.`;
  const frame = { team: input.team, footer };

  const waiting = teamWaiting(entries, input.now, input.escalateAfterMs);
  const waitingIds = new Set(waiting.map((item) => item.entry.id));
  const since = input.since;
  const paged = entries.filter(
    (e) => hasPageId(e) && (since === undefined || e.createdMs >= since || e.kind === 'decision' || waitingIds.has(e.id)),
  );
  const pages = new Set(paged.map((e) => e.id));
  files.set(
    'index.html',
    renderPage({
      ...frame,
      title: `${input.team}: today`,
      depth: 0,
      body: [
        renderTimeline(teamDay(input.members, input.now)),
        renderWaiting(waiting, input.now, pages, zones),
        renderLatest(entries, input.now, pages),
      ].join('\n'),
      data: [
        { id: 'team-data', json: jsonForScript(input.members.map(embedMember)) },
        { id: 'tz-data', json: jsonForScript(input.tz) },
      ],
      script: input.script,
    }),
  );

  const decisions = entries.filter((e) => e.kind === 'decision');
  const decisionBody = decisions.map((e) =>
    renderEntry(e, {
      md: input.md,
      answers: links.answers.get(e.id) ?? [],
      latestAnswerOnly: true,
      refers: undefined,
      depth: 0,
      pages,
      zones,
    }).replace('<article class="entry"', `<article class="entry${isCurrent(links, e) ? '' : ' superseded'}"`),
  );
  files.set(
    'decisions.html',
    renderPage({
      ...frame,
      title: `${input.team}: decisions`,
      depth: 0,
      body: `<section id="decisions"><h2>Decision log</h2>${decisions.length === 0 ? '<p>No decisions recorded yet.</p>' : decisionBody.join('\n')}</section>`,
    }),
  );

  const searched = paged.filter((e) => since === undefined || e.createdMs >= since);
  const index: SearchItem[] = searched.map((e) => ({
    id: e.id,
    kind: e.kind,
    author: e.author,
    ...createdFields(e),
    title: entrySummary(e),
    href: entryHref(e, 0),
    text: searchText(e),
  }));
  files.set(
    'search.html',
    renderPage({
      ...frame,
      title: `${input.team}: search`,
      depth: 0,
      body: [
        '<section id="find"><h2>Search the entries</h2>',
        '<label for="search">Text to find (any field, ignoring case)</label>',
        '<input id="search" type="search" autocomplete="off" spellcheck="false">',
        `<p class="muted" id="result-count">${searched.length} entries${since === undefined ? '' : ` since ${utcStamp(since)}`}</p>`,
        '<noscript><p>Searching needs JavaScript; every entry is listed below, newest first.</p></noscript>',
        `<ol id="results">${searched.map((e) => `<li data-id="${inline(e.id)}">${entryLink(e, 0, pages)}</li>`).join('')}</ol>`,
        '</section>',
      ].join('\n'),
      data: [{ id: 'search-index', json: jsonForScript(index) }],
      script: input.script,
    }),
  );

  const byId = new Map(entries.map((e) => [e.id, e]));
  for (const entry of paged) {
    const refers = [entry.ref, entry.supersedes].map((id) => (id === undefined ? undefined : byId.get(id))).find((e) => e !== undefined);
    const superseding = links.supersededBy.get(entry.id);
    const answers = [...(links.answers.get(entry.id) ?? []), ...(superseding ? [superseding] : [])];
    files.set(
      `entries/${entry.id}.html`,
      renderPage({
        ...frame,
        title: `${input.team}: ${entrySummary(entry)}`,
        depth: 1,
        body: renderEntry(entry, { md: input.md, answers, refers, depth: 1, pages, zones }),
      }),
    );
  }
  return files;
}

/** One badge per item: it says both what waits and on what kind of entry. */
const WAITING_LABEL: Record<WaitingItem['kind'], string> = {
  overdue: 'overdue handoff',
  handoff: 'handoff, not acknowledged',
  blocker: 'open blocker',
  decision: 'decision open for input',
};

function renderWaiting(items: readonly WaitingItem[], now: number, pages: ReadonlySet<string>, zones: ReadonlyMap<string, string>): string {
  const line = (item: WaitingItem) => {
    const { entry } = item;
    const detail =
      item.kind === 'overdue' && entry.ackByMs !== undefined
        ? `ack was due ${ackByHtml(entry, entry.ackByMs, zones)}, ${formatDuration(now - entry.ackByMs)} ago`
        : item.kind === 'handoff'
          ? `to ${inline(entry.to.map((h) => `@${h}`).join(', ') || 'anyone')}${entry.ackByMs !== undefined ? `, ack by ${ackByHtml(entry, entry.ackByMs, zones)}` : ''}`
          : item.kind === 'blocker' && item.sinceMs !== undefined
            ? `open ${formatDuration(Math.max(0, now - item.sinceMs))}${item.escalated ? ', escalated' : ''}: ${inline(entry.blockers.join('; '))}`
            : entry.decision?.inputByMs !== undefined
              ? `input by ${inputByHtml(entry, entry.decision.inputByMs)}`
              : '';
    return `<li data-kind="${item.kind}" data-id="${inline(entry.id)}"><span class="tag">${WAITING_LABEL[item.kind]}</span>${entryLink(entry, 0, pages, true, false)}${detail ? `<br><span class="muted">${detail}</span>` : ''}</li>`;
  };
  return [
    '<section id="waiting"><h2>What is waiting</h2>',
    items.length === 0
      ? '<p>Nothing is waiting: no open handoffs, blockers or decisions.</p>'
      : `<ul class="items">${items.map(line).join('')}</ul>`,
    '</section>',
  ].join('\n');
}

function renderLatest(entries: readonly Entry[], now: number, pages: ReadonlySet<string>): string {
  const since = Math.floor(now / DAY_MS) * DAY_MS - (LATEST_DAYS - 1) * DAY_MS;
  const recent = entries.filter((e) => e.createdMs >= since && e.createdMs <= now + DAY_MS);
  const days = new Map<string, Map<string, Entry[]>>();
  for (const entry of recent) {
    const day = new Date(entry.createdMs).toISOString().slice(0, 10);
    const people = days.get(day) ?? new Map<string, Entry[]>();
    people.set(entry.author, [...(people.get(entry.author) ?? []), entry]);
    days.set(day, people);
  }
  const blocks = [...days].map(
    ([day, people]) =>
      `<div class="day"><h3>${day}</h3>${[...people]
        .sort(([a], [b]) => (a < b ? -1 : 1))
        .map(
          ([author, list]) =>
            `<div class="person"><h4>@${inline(author)}</h4><ul>${list.map((e) => `<li data-id="${inline(e.id)}">${entryLink(e, 0, pages, false)}</li>`).join('')}</ul></div>`,
        )
        .join('')}</div>`,
  );
  return [
    `<section id="latest"><h2>Latest entries</h2><p class="muted">The last ${LATEST_DAYS} days by UTC day and person; each time in UTC, then the writer’s own. <a href="search.html">All entries</a></p>`,
    blocks.length === 0 ? '<p>Nothing written in that time.</p>' : blocks.join('\n'),
    '</section>',
  ].join('\n');
}
