import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/core/types.js';
import { plain } from '../../../src/ui/color.js';
import { renderPreview } from '../../../src/ui/preview.js';

const base: Entry = { id: '20261124T160000Z-bob-abcd', kind: 'update', author: 'bob', created: '2026-11-24T08:00:00-08:00', tz: 'America/Los_Angeles', done: [], next: [], blockers: [], to: [], asks: [], links: [], tags: [], notes: '' };

describe('the preview before posting', () => {
  it('names the kind, the author and what will be posted', () => {
    expect(renderPreview({ ...base, done: ['a'], tags: ['t'], notes: 'n' }, plain)).toBe('Update by bob · 2026-11-24T08:00:00-08:00\n  Done\n    - a\n  Tags: t\n  Notes\n    n\n');
    expect(renderPreview({ ...base, kind: 'handoff', to: ['ana'], asks: ['x'] }, plain)).toMatch(/^Handoff by bob.*\n {2}To: ana\n {2}Asks\n {4}- x\n$/);
    expect(renderPreview({ ...base, kind: 'ack', ref: '20261124T150000Z-ana-zzzz', notes: 'on it' }, plain)).toMatch(/^Acknowledgement by bob.*\n {2}Of: 20261124T150000Z-ana-zzzz\n {2}Notes\n {4}on it\n$/);
  });

  it('shows control characters inert (what you typed is what you see)', () => {
    const shown = renderPreview({ ...base, done: ['\u001b[2Jwiped'], notes: 'a\u0007b\u202ec' }, plain);
    expect(shown).not.toMatch(/[\u001b\u0007\u202e]/);
  });
});
