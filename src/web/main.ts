/**
 * The page's script (bundled by scripts/build.js, inlined by `async site`, allowed by its hash).
 * The timeline: recomputed from the embedded schedules with the same model the command rendered
 * it with (tz/teamDay.ts), every 30 seconds, so a page built yesterday still shows who is online.
 * The clock is the browser's, or `?now=<ISO instant>` in the URL (for tests and for "what will it
 * look like at…"). The search page: filters the embedded index as you type. Text goes in through
 * textContent only.
 */
import { foldCase } from '../core/search.js';
import {
  localLabel,
  nowLabel,
  nowLabelPlace,
  readEmbeddedMember,
  rowState,
  spanLabel,
  teamDay,
  type DaySpan,
  type EmbeddedMember,
} from '../tz/teamDay.js';
import { utcStamp, wallStamp } from '../tz/stamp.js';
import { page, readJson, type PageElement } from './dom.js';
import { matchEntries, type SearchItem } from '../core/searchIndex.js';

const SVG = 'http://www.w3.org/2000/svg';

function pageNow(): { now: number; fixed: boolean } {
  const asked = new URLSearchParams(page.location?.search ?? '').get('now');
  const parsed = asked === null ? Number.NaN : Date.parse(asked);
  return Number.isFinite(parsed) ? { now: parsed, fixed: true } : { now: Date.now(), fixed: false };
}

function spanRect(span: DaySpan): PageElement {
  const doc = page.document!;
  const rect = doc.createElementNS(SVG, 'rect');
  rect.setAttribute('class', span.kind);
  rect.setAttribute('x', String(span.start));
  rect.setAttribute('y', '0');
  rect.setAttribute('width', String(span.end - span.start));
  rect.setAttribute('height', '10');
  const title = doc.createElementNS(SVG, 'title');
  title.textContent = spanLabel(span);
  rect.append(title);
  return rect;
}

function drawTimeline(embedded: EmbeddedMember[], now: number): void {
  const doc = page.document!;
  const day = teamDay(embedded.map(readEmbeddedMember), now);
  const x = String(Math.round(day.nowMinute));
  const marker = doc.getElementById('now');
  marker?.setAttribute('x1', x);
  marker?.setAttribute('x2', x);
  marker?.setAttribute('data-minute', x);
  const label = doc.getElementById('now-label');
  if (label) {
    label.textContent = nowLabel(day);
    const place = nowLabelPlace(day);
    label.setAttribute('x', place.x);
    label.setAttribute('dx', place.dx);
    label.setAttribute('text-anchor', place.anchor);
  }
  const date = doc.getElementById('timeline-date');
  if (date) date.textContent = day.date;
  const rows = Array.from(doc.querySelectorAll('#timeline .timeline-row'));
  for (const row of day.rows) {
    const element = rows.find((candidate) => candidate.getAttribute('data-handle') === row.handle);
    if (!element) continue;
    element.setAttribute('data-online', String(row.online));
    const set = (selector: string, text: string) => {
      const target = element.querySelector(selector);
      if (target) target.textContent = text;
    };
    set('.local', localLabel(row));
    set('.offset', row.offset);
    set('.state', rowState(row));
    element.querySelector('.spans')?.replaceChildren(...row.spans.map(spanRect));
    const line = element.querySelector('.now-line');
    line?.setAttribute('x1', x);
    line?.setAttribute('x2', x);
  }
}

function startTimeline(): void {
  const embedded = readJson<EmbeddedMember[]>('team-data');
  if (!embedded || !page.document?.getElementById('timeline')) return;
  const clock = pageNow();
  drawTimeline(embedded, clock.now);
  if (!clock.fixed) page.setInterval?.(() => drawTimeline(embedded, Date.now()), 30_000);
}

/**
 * Adds "· Wed 03:30 your time" after each time the page shows, in the browser's own zone (the
 * viewer's clock is the browser's), unless that is UTC or the clock already shown second. Only
 * where JavaScript runs; the built text (UTC, then the writer's clock) stays as it is.
 */
function addViewerTimes(root: { querySelectorAll(selector: string): ArrayLike<PageElement> }): void {
  const doc = page.document!;
  for (const time of Array.from(root.querySelectorAll('time.stamp'))) {
    if (time.getAttribute('data-viewer') !== null) continue;
    time.setAttribute('data-viewer', '');
    const ms = Date.parse(time.getAttribute('datetime') ?? '');
    if (!Number.isFinite(ms)) continue;
    const viewer = -new Date(ms).getTimezoneOffset();
    if (viewer === 0 || viewer === Number(time.getAttribute('data-offset'))) continue;
    const span = doc.createElement('span');
    span.setAttribute('class', 'yours');
    span.textContent = `· ${wallStamp(ms, viewer)} your time`;
    const their = time.nextElementSibling;
    (their?.getAttribute('class') === 'their' ? their : time).after(' ', span);
  }
}

function stampNodes(item: SearchItem): (PageElement | string)[] {
  const doc = page.document!;
  const time = doc.createElement('time');
  time.setAttribute('class', 'stamp');
  time.setAttribute('datetime', item.at);
  time.setAttribute('data-offset', String(item.offset));
  time.textContent = utcStamp(Date.parse(item.at));
  if (item.local === undefined) return [time];
  const their = doc.createElement('span');
  their.setAttribute('class', 'their');
  their.textContent = `· ${item.local}`;
  return [time, ' ', their];
}

function resultItem(item: SearchItem): PageElement {
  const doc = page.document!;
  const li = doc.createElement('li');
  li.setAttribute('data-id', item.id);
  const tag = doc.createElement('span');
  tag.setAttribute('class', 'tag');
  tag.textContent = item.kind;
  const link = doc.createElement('a');
  link.setAttribute('href', item.href);
  link.textContent = item.title;
  const meta = doc.createElement('span');
  meta.setAttribute('class', 'muted');
  meta.append(` @${item.author} · `, ...stampNodes(item));
  li.append(tag, link, ' ', meta);
  return li;
}

function startSearch(): void {
  const doc = page.document;
  const input = doc?.getElementById('search');
  const results = doc?.getElementById('results');
  const index = readJson<SearchItem[]>('search-index');
  if (!input || !results || !index) return;
  const count = doc?.getElementById('result-count');
  const run = () => {
    const found = matchEntries(index, foldCase(input.value ?? ''));
    results.replaceChildren(...found.map(resultItem));
    addViewerTimes(results);
    if (count) count.textContent = `${found.length} of ${index.length} entries`;
  };
  input.addEventListener('input', run);
  const asked = new URLSearchParams(page.location?.search ?? '').get('q');
  if (asked !== null) input.value = asked;
  run();
}

startTimeline();
startSearch();
if (page.document) addViewerTimes(page.document);
