import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { emptyFields, fillTemplate, hasContent, parseTemplate, type ComposedFields } from '../../../src/core/template.js';

const builtIn = (kind: string) => readFileSync(new URL(`../../../templates/${kind}.md`, import.meta.url), 'utf8');
const fields = (partial: Partial<ComposedFields>): ComposedFields => ({ ...emptyFields(), ...partial });

describe('the built-in templates', () => {
  it.each(['update', 'handoff'])('%s.md left as it is holds nothing (so an untouched editor posts nothing)', (kind) => {
    const parsed = parseTemplate(builtIn(kind));
    expect(parsed).toEqual(emptyFields());
    expect(hasContent(parsed)).toBe(false);
  });

  it('handoff.md carries what a shift handover carries', () => {
    for (const section of ['To', 'State', 'Asks', 'Done', 'Next', 'Blockers', 'Tried', 'Links', 'Tags', 'Notes'])
      expect(builtIn('handoff')).toMatch(new RegExp(`^## ${section}$`, 'm'));
  });

  it.each(['update', 'handoff'])('%s.md: filled, then read back, gives the same fields', (kind) => {
    const given = fields({
      done: ['a: b', '# c'],
      next: ['- d'],
      blockers: ['@bob'],
      tags: ['t'],
      links: ['https://x/y'],
      notes: 'Some\n\nnotes',
      ...(kind === 'handoff' ? { to: ['bob', 'carol'], asks: ['do it'] } : {}),
    });
    expect(parseTemplate(fillTemplate(builtIn(kind), given))).toEqual(given);
  });
});

describe('parseTemplate', () => {
  it.each<[string, string, Partial<ComposedFields>]>([
    ['bullets of every kind', '## Done\n- a\n* b\n+ c\n1. d\n2) e\n', { done: ['a', 'b', 'c', 'd', 'e'] }],
    ['checkboxes', '## Next\n- [ ] open\n- [x] closed\n', { next: ['open', 'closed'] }],
    ['empty bullets are ignored', '## Done\n-\n- \n-   x\n', { done: ['x'] }],
    ['comments are dropped, even across lines', '## Done\n<!-- a\n- not an item\n-->\n- item\n', { done: ['item'] }],
    [
      'headings by another name',
      '## Blocker\n- b\n## Ask\n- a\n## Recipients\n- @Bob\n## Tag\n- t\n## Link\n- l\n## Note\nn\n',
      { blockers: ['b'], asks: ['a'], to: ['bob'], tags: ['t'], links: ['l'], notes: 'n' },
    ],
    [
      'a team section goes to the notes under its heading',
      '## Risks\nThe DB.\n\n## Notes\nHi.\n',
      { notes: '### Risks\n\nThe DB.\n\nHi.' },
    ],
    ['an empty team section is dropped', '## Risks\n\n## Done\n- x\n', { done: ['x'] }],
    [
      'text before any heading is kept as notes, first',
      'Written first.\n## Done\n- x\n## Notes\nLater.\n',
      { done: ['x'], notes: 'Written first.\n\nLater.' },
    ],
    ['a file with no headings at all is notes', 'Just a paragraph.\n\nAnd another.\n', { notes: 'Just a paragraph.\n\nAnd another.' }],
    ['a tag written with its hash is the tag', '## Tags\n- #billing\n- db\n', { tags: ['billing', 'db'] }],
    ['CRLF line ends', '## Done\r\n- x\r\n', { done: ['x'] }],
    ['a "---" in the notes is text', '## Notes\n---\nauthor: mallory\n---\n', { notes: '---\nauthor: mallory\n---' }],
    ['"###" is not a section', '## Notes\n### Sub\ntext\n', { notes: '### Sub\ntext' }],
  ])('%s', (_name, text, expected) => {
    expect(parseTemplate(text)).toEqual(fields(expected));
  });

  // The heading trim and the comment stripper are hand-written loops (the regexes were quadratic):
  // these pin that they cut exactly what the regexes did.
  it.each<[string, string, Partial<ComposedFields>]>([
    ['closing hashes', '## Done ##\n- x\n', { done: ['x'] }],
    ['closing hashes and spaces mixed', '## Done # #\t \n- x\n', { done: ['x'] }],
    [
      'a heading of only hashes is no section: text, before the first',
      '## ###\n- x\n## Done\n- y\n',
      { done: ['y'], notes: '## ###\n- x' },
    ],
    ['inner spaces of a team heading are kept', '## Open   risks ##\nThe DB.\n', { notes: '### Open   risks\n\nThe DB.' }],
    ['a hash inside a title stays', '## Risk #2 #\nx\n', { notes: '### Risk #2\n\nx' }],
    ['non-breaking space at the end is trimmed as white space', '## Done\u00a0\n- x\n', { done: ['x'] }],
    ['two comments on one line', '## Done\n- a<!-- x --> b<!-- y -->c\n', { done: ['a bc'] }],
    ['a comment ends at its first -->', '## Done\n<!-- x --> - kept -->\n', { done: ['kept -->'] }],
    ['"<!-->" does not close itself', '## Done\n<!--> - hidden -->\n- shown\n', { done: ['shown'] }],
    ['an unclosed comment leaves the rest as written', '## Done\n- a\n<!-- open\n- b\n', { done: ['a', '<!-- open', 'b'] }],
    ['an unclosed comment after a closed one', '## Done\n<!-- x -->- a\n<!-- open <!-- again\n', { done: ['a', '<!-- open <!-- again'] }],
  ])('%s', (_name, text, expected) => {
    expect(parseTemplate(text)).toEqual(fields(expected));
  });
});

describe('a tag with a space in a file or the editor', () => {
  it('is refused, as --tag refuses it, naming the tag', () => {
    expect(() => parseTemplate('## Tags\n- release notes\n')).toThrow(/The Tags section has "release notes": a tag is one word\./);
  });
});

describe('hasContent', () => {
  it.each<[Partial<ComposedFields>, boolean]>([
    [{}, false],
    [{ tags: ['t'], links: ['l'], to: ['bob'] }, false],
    [{ done: [''] }, false],
    [{ done: ['  '], notes: ' \n ' }, false],
    [{ done: ['x'] }, true],
    [{ asks: ['x'] }, true],
    [{ notes: 'x' }, true],
  ])('%j -> %s', (partial, expected) => {
    expect(hasContent(fields(partial))).toBe(expected);
  });
});

describe('suggestions in the template (# - item lines)', () => {
  it.each<[string, string, Partial<ComposedFields>]>([
    ['a suggestion left commented is dropped', '## Done\n# - Fix it (web@main)\n- kept\n', { done: ['kept'] }],
    ['uncommented, it is an item', '## Done\n- Fix it (web@main)\n', { done: ['Fix it (web@main)'] }],
    ['any bullet and tabs count', '## Next\n#\t* a\n#  + b\n', {}],
    ['#123 and #tag in a list stay items', '## Done\n- #123 fixed\n#billing\n', { done: ['#123 fixed', '#billing'] }],
    ['a Markdown heading line in a list stays as it was', '## Done\n# Not a suggestion\n', { done: ['# Not a suggestion'] }],
    ['the same line in the notes is text, kept', '## Notes\n# - a line of notes\n# Heading\n', { notes: '# - a line of notes\n# Heading' }],
    ['in a section of the team, kept too', '## Risks\n# - one\n', { notes: '### Risks\n\n# - one' }],
  ])('%s', (_name, text, expected) => {
    expect(parseTemplate(text)).toEqual(fields(expected));
  });

  it('fillTemplate puts suggestions after the known items, with a hint; left alone, none is posted', () => {
    const filled = fillTemplate(builtIn('update'), fields({ done: ['flagged'] }), { done: ['Fix it (web@main)', 'Add # (api@dev)'] });
    expect(filled).toMatch(
      /## Done\n(?:<!--.*-->\n)*- flagged\n<!-- Suggested: delete the "# " before a line to keep it\. -->\n# - Fix it \(web@main\)\n# - Add # \(api@dev\)\n/,
    );
    expect(parseTemplate(filled)).toEqual(fields({ done: ['flagged'] }));
    expect(parseTemplate(filled.replace('# - Add', '- Add'))).toEqual(fields({ done: ['flagged', 'Add # (api@dev)'] }));
  });

  it('fillTemplate with suggestions for a section whose field is not given still places them', () => {
    expect(fillTemplate('## Done\n', {}, { done: ['x'] })).toBe(
      '## Done\n<!-- Suggested: delete the "# " before a line to keep it. -->\n# - x\n',
    );
  });
});
