import { describe, expect, it } from 'vitest';
import { entryMentions, mentionsOf } from '../../../src/core/mentions.js';

describe('mentionsOf', () => {
  it.each<[string, string[]]>([
    ['need @bob to restore write access', ['bob']],
    ['@bob at the start', ['bob']],
    ['at the end @bob', ['bob']],
    ['end of a sentence @bob.', ['bob']],
    ['punctuation: @bob, @carol; @dave! (@erin) "@frank" @gina?', ['bob', 'carol', 'dave', 'erin', 'frank', 'gina']],
    ["possessive @bob's PR", ['bob']],
    ['handles with - and _: @mary-jane @o_brien @7of9', ['mary-jane', 'o_brien', '7of9']],
    ['uppercase is lowercased: @Bob @BOB', ['bob']],
    ['deduplicated: @bob @carol @bob', ['bob', 'carol']],
    ['newlines\n@bob\n\t@carol', ['bob', 'carol']],
    ['emoji before 👋@bob', ['bob']],
    ['markdown **@bob** and `@carol`', ['bob', 'carol']],
    ['mail bob@example.com or carol.smith@example.org', []],
    ['mail with plus alice+bob@example.com', []],
    ['domain-like @example.com', []],
    ['url https://social.example/@bob and path a/@carol', []],
    ['word joined café@bob', []],
    ['double @@bob', []],
    ['just @ alone and @-bob and @_x', []],
    ['too long @' + 'a'.repeat(33), []],
    ['exactly 32 @' + 'a'.repeat(32), ['a'.repeat(32)]],
    ['reserved names @all @here @everyone @me @con', []],
    ['non-ASCII handle @élodie', []],
    ['', []],
  ])('%s', (text, expected) => {
    expect(mentionsOf(text)).toEqual(expected);
  });

  it('is linear on hostile input', () => {
    const text = `${'@'.repeat(100_000)}${'a'.repeat(100_000)} ${'x@b'.repeat(50_000)}`;
    const start = performance.now();
    mentionsOf(text);
    expect(performance.now() - start).toBeLessThan(2_000);
  });
});

describe('entryMentions', () => {
  it('reads blockers, asks, done, next and notes, in that order, each handle once', () => {
    const entry = {
      blockers: ['waiting on @dave'],
      asks: ['@erin please review'],
      done: ['paired with @bob'],
      next: ['sync with @carol and @bob'],
      notes: 'cc @frank, thanks @dave',
    };
    expect(entryMentions(entry)).toEqual(['dave', 'erin', 'bob', 'carol', 'frank']);
  });

  it('is empty without mentions', () => {
    expect(entryMentions({ blockers: [], asks: [], done: ['x'], next: [], notes: 'mail me at a@b.c' })).toEqual([]);
  });
});
