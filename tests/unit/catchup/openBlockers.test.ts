import { describe, expect, it } from 'vitest';
import type { CatchupView } from '../../../src/core/catchup.js';
import { selectOpenBlockers } from '../../../src/core/openBlockers.js';
import type { Entry } from '../../../src/core/types.js';
import { blockerBlocksText, blockerSectionsMarkdown, openAge } from '../../../src/ui/catchup/blockers.js';
import { plain } from '../../../src/ui/color.js';
import { at, entry } from './fixtures.js';

const NOW = at('2026-11-24T12:00:00Z');
const DAY = 86_400_000;

const blocker = (id: string, author: string, created: string, blockers: string[], extra: Partial<Entry> = {}) =>
  entry(id, { author, created, blockers, ...extra });

const old = blocker('20261120T120000Z-carol-aaaa', 'carol', '2026-11-20T12:00:00Z', ['vendor is late']);
const namesMe = blocker('20261123T120000Z-carol-bbbb', 'carol', '2026-11-23T12:00:00Z', ['need @bob to review']);
const mine = blocker('20261124T060000Z-bob-cccc', 'bob', '2026-11-24T06:00:00Z', ['staging is down']);
const other = blocker('20261124T080000Z-dave-dddd', 'dave', '2026-11-24T08:00:00Z', ['CI is slow'], { tags: ['ci'] });
const ancient = blocker('20261020T080000Z-dave-eeee', 'dave', '2026-10-20T08:00:00Z', ['older than a month']);
const resolved = blocker('20261122T080000Z-erin-ffff', 'erin', '2026-11-22T08:00:00Z', ['fixed since']);
const resolution = entry('20261123T080000Z-alice-gggg', {
  author: 'alice',
  created: '2026-11-23T08:00:00Z',
  kind: 'resolve',
  ref: resolved.id,
});

const ALL = [old, namesMe, mine, other, ancient, resolved, resolution, mine];
const select = (escalateAfterMs = 2 * DAY, filters = {}) =>
  selectOpenBlockers({ me: 'bob', now: NOW, entries: ALL, escalateAfterMs }, filters);

describe('selectOpenBlockers', () => {
  it('splits open blockers of the last 30 days at escalateAfter; those concerning the reader first, then oldest', () => {
    const view = select();
    expect(view.escalated.map((b) => b.entry.id)).toEqual([old.id]);
    expect(view.openBlockers.map((b) => b.entry.id)).toEqual([namesMe.id, mine.id, other.id]);
    expect(view.openBlockers.map((b) => b.concernsYou)).toEqual([true, true, false]);
    expect(view.escalated[0]!.ageMs).toBe(4 * DAY);
  });

  it('36h escalates what is older than 36h', () => {
    const view = select(36 * 3_600_000);
    expect(view.escalated.map((b) => b.entry.id)).toEqual([old.id]);
    expect(select(12 * 3_600_000).escalated.map((b) => b.entry.id)).toEqual([namesMe.id, old.id]);
  });

  it('the catch-up filters apply', () => {
    const view = select(2 * DAY, { tags: ['ci'] });
    expect([...view.escalated, ...view.openBlockers].map((b) => b.entry.id)).toEqual([other.id]);
  });

  it('a carried blocker is counted from where it began', () => {
    const first = blocker('20261121T120000Z-bob-hhhh', 'bob', '2026-11-21T12:00:00Z', ['waiting on legal']);
    const carry = blocker('20261124T090000Z-bob-iiii', 'bob', '2026-11-24T09:00:00Z', ['waiting on legal'], { carries: [first.id] });
    const view = selectOpenBlockers({ me: 'carol', now: NOW, entries: [first, carry], escalateAfterMs: 2 * DAY });
    expect(view.openBlockers).toEqual([]);
    expect(view.escalated.map((b) => [b.entry.id, b.ageMs])).toEqual([[carry.id, 3 * DAY]]);
  });
});

describe('the open-blocker sections', () => {
  const view = { ...select(), escalateAfter: '2d' } as unknown as CatchupView;

  it.each([
    [5 * 60_000, 'open 5m'],
    [5 * 3_600_000 + 20 * 60_000, 'open 5h 20m'],
    [DAY + 23 * 3_600_000, 'open 1d'],
    [3 * DAY, 'open 3d'],
  ])('openAge(%i) is %s', (ms, text) => {
    expect(openAge(ms)).toBe(text);
  });

  it('text: one line each, with the age and the command that closes it', () => {
    const blocks = blockerBlocksText(view, plain);
    expect(blocks.escalated).toBe(`Escalated (1 · open longer than 2d)\n  carol · open 4d · “vendor is late” · async resolve ${old.id}`);
    expect(blocks.open?.split('\n')).toEqual([
      'Open blockers (3)',
      `  carol · open 1d · “need @bob to review” · concerns you · async resolve ${namesMe.id}`,
      `  bob · open 6h · “staging is down” · concerns you · async resolve ${mine.id}`,
      `  dave · open 4h · “CI is slow” · async resolve ${other.id}`,
    ]);
  });

  it('text sanitises what teammates wrote', () => {
    const nasty = blocker('20261124T100000Z-dave-jjjj', 'dave', '2026-11-24T10:00:00Z', ['\u001b[31mred\u0007 alert', 'second']);
    const blocks = blockerBlocksText(
      {
        openBlockers: selectOpenBlockers({ me: 'bob', now: NOW, entries: [nasty], escalateAfterMs: DAY }).openBlockers,
      } as unknown as CatchupView,
      plain,
    );
    expect(blocks.open).not.toMatch(/[\u0000-\u0009\u000b-\u001f]/);
    expect(blocks.open).toContain('+1 more');
  });

  it('markdown: sections with the time it began', () => {
    const md = blockerSectionsMarkdown(view, (ms) => new Date(ms).toISOString());
    expect(md.escalated).toEqual([
      '',
      '## Escalated (open longer than 2d)',
      '',
      `- **carol** · open 4d (since 2026-11-20T12:00:00.000Z) · “vendor is late” · \`async resolve ${old.id}\``,
    ]);
    expect(md.open[1]).toBe('## Open blockers');
    expect(md.open).toHaveLength(6);
    expect(blockerSectionsMarkdown({} as CatchupView, String)).toEqual({ escalated: [], open: [] });
  });
});
