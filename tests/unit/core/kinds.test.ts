import { describe, expect, it } from 'vitest';
import { isKindName, isKnownKind, kindSpec, sectionsFor } from '../../../src/core/kinds/index.js';
import { ENTRY_KINDS, type Entry } from '../../../src/core/types.js';

const base: Entry = {
  id: '20261124T173012Z-alice-k3f9',
  kind: 'update',
  author: 'alice',
  created: '2026-11-24T18:30:12+01:00',
  createdMs: 0,
  tz: 'Europe/Berlin',
  done: [],
  next: [],
  blockers: [],
  to: [],
  asks: [],
  links: [],
  tags: [],
  notes: '',
};

describe('the kind registry', () => {
  it.each(ENTRY_KINDS)('%s has its own spec, named after it', (kind) => {
    const spec = kindSpec(kind);
    expect(spec.kind).toBe(kind);
    expect(isKnownKind(kind)).toBe(true);
    expect(spec.subject({ ...base, kind }).startsWith(kind)).toBe(true);
  });

  it.each([
    ['a newer kind', 'retro', true],
    ['with digits and dashes', 'post-mortem2', true],
    ['capitals', 'Retro', false],
    ['a path', '../x', false],
    ['a prototype key', '__proto__', false],
    ['too long', 'x'.repeat(33), false],
    ['empty', '', false],
    ['not text', 12, false],
  ])('isKindName: %s', (_name, kind, ok) => {
    expect(isKindName(kind)).toBe(ok);
  });

  it('a kind it does not know gets the generic spec, and is not a known kind', () => {
    expect(isKnownKind('constructor')).toBe(false);
    const spec = kindSpec('retro');
    expect(spec.kind).toBe('retro');
    expect(spec.subject({ ...base, kind: 'retro' })).toBe('retro: alice');
    expect(kindSpec('retro')).toBe(spec);
  });

  it.each<[string, Partial<Entry>, string[]]>([
    ['an update shows its lists, even empty (the sections it declares)', {}, ['Done', 'Next', 'Blockers', 'Links']],
    ['a handoff: recipients and asks first', { kind: 'handoff' }, ['To', 'Asks', 'Done', 'Next', 'Blockers', 'Links']],
    ['an ack declares few, but a list it holds is shown', { kind: 'ack', asks: ['x'] }, ['Asks', 'Done', 'Next', 'Blockers']],
    ['a decision: its own sections first', { kind: 'decision' }, ['Context', 'Options', 'Decision', 'Links']],
    ['a hand-written update with asks keeps them', { asks: ['Please review'] }, ['Asks', 'Done', 'Next', 'Blockers', 'Links']],
    ['an unknown kind with a next item', { kind: 'retro', next: ['x'] }, ['Done', 'Next', 'Blockers', 'Links']],
  ])('sectionsFor: %s', (_name, overrides, titles) => {
    expect(sectionsFor({ ...base, ...overrides }).map((section) => section.title)).toEqual(titles);
  });
});
