/**
 * The team's day as HTML: what the page shows with JavaScript off, and the structure its script
 * keeps current (src/web/main.ts): rows by `data-handle`, `data-online`, `.local`, `.offset`,
 * `.state`, the spans of `.spans`, and the `#now` marker. Bars are SVG, positioned by attributes
 * (x, width in minutes of the UTC day), since the policy allows no style attributes.
 */
import { localLabel, nowLabel, nowLabelPlace, rowState, spanLabel, type DaySpan, type TeamDay } from '../../tz/teamDay.js';
import { escapeHtml, inline } from './html.js';

const VIEW = 'viewBox="0 0 1440 10" preserveAspectRatio="none"';

function spanRect(span: DaySpan): string {
  return `<rect class="${span.kind}" x="${span.start}" y="0" width="${span.end - span.start}" height="10"><title>${inline(spanLabel(span))}</title></rect>`;
}

const GRID = Array.from({ length: 23 }, (_, i) => `<line class="grid" x1="${(i + 1) * 60}" x2="${(i + 1) * 60}" y1="0" y2="10"/>`).join('');

export function renderTimeline(day: TeamDay): string {
  const x = Math.round(day.nowMinute);
  const hours = Array.from({ length: 24 }, (_, h) => `<li>${String(h).padStart(2, '0')}</li>`).join('');
  const place = nowLabelPlace(day);
  // Three lines of fixed height (name and handle, their clock, zone and state), each cut with an
  // ellipsis rather than wrapped, so every row is as tall as the next at any width.
  const rows = day.rows.map((row) =>
    [
      `<div class="timeline-row" data-handle="${escapeHtml(row.handle)}" data-online="${row.online}">`,
      `<div class="who"><div class="line" title="${inline(`${row.name || row.handle} @${row.handle}`)}"><strong>${inline(row.name || row.handle)}</strong> <span class="muted">@${inline(row.handle)}</span></div>`,
      `<div class="line"><span class="local">${localLabel(row)}</span> <span class="muted offset">${row.offset}</span></div>`,
      `<div class="line"><span class="muted zone" title="${inline(row.zone)}">${inline(row.zone)}</span> · <span class="state">${inline(rowState(row))}</span></div></div>`,
      `<svg class="bar" ${VIEW} role="img" aria-label="${escapeHtml(`${row.handle}: ${row.spans.map(spanLabel).join(', ') || 'no working hours'}`)}">`,
      `${GRID}<g class="spans">${row.spans.map(spanRect).join('')}</g><line class="now-line" x1="${x}" x2="${x}" y1="0" y2="10"/></svg>`,
      '</div>',
    ].join(''),
  );
  return [
    '<section id="timeline">',
    `<h2>The team’s day, <span id="timeline-date">${day.date}</span> (UTC)</h2>`,
    `<div class="hours"><span></span><ol aria-hidden="true">${hours}</ol></div>`,
    // The label is SVG text in a second SVG laid over the marker's (same grid cell): positioned by
    // attributes like the marker, but in an SVG that is not stretched, so its letters keep their shape.
    `<div class="hours"><span></span><div class="axis-cell"><svg class="axis" ${VIEW} aria-hidden="true"><line id="now" x1="${x}" x2="${x}" y1="0" y2="10" data-minute="${x}"/></svg><svg class="axis-label"><text id="now-label" x="${place.x}" dx="${place.dx}" y="75%" text-anchor="${place.anchor}">${nowLabel(day)}</text></svg></div></div>`,
    ...rows,
    '<ul class="legend"><li><span class="k work"></span>working hours</li><li><span class="k away"></span>away</li><li><span class="k holiday"></span>public holiday</li><li><span class="k now"></span>now</li></ul>',
    '<p class="muted">Columns are UTC hours; each row shows the member’s own time. The page updates this every 30 seconds where JavaScript runs.</p>',
    '</section>',
  ].join('\n');
}
