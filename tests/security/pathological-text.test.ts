/**
 * Threat: an entry that is valid but built to make the reader slow: long runs of whitespace that
 * make a careless regular expression backtrack (ReDoS), hundreds of thousands of lines, tens of
 * thousands of items or mentions, one enormous line.
 * Expected: every view of the catch-up finishes in bounded time (the entry is shown, or skipped with
 * a warning naming it when it is past the size limits), and the rest of the catch-up is there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asVictim, attack, buildTeam, copyTeam, entryPath, entryText, expectInert, type Team } from '../helpers/hostile.js';

const ID = '20261124T100000Z-mallory-slow';
const GOOD = '20261124T090000Z-bob-good';
const SPACES = ' '.repeat(200_000);
const items = (n: number, text: string) => `[${Array(n).fill(text).join(', ')}]`;

// [threat, front matter lines, notes, shown or skipped]
const ROWS: [string, string[], string, 'shown' | 'skipped'][] = [
  ['200,000 spaces inside the notes', [], `start${SPACES}end`, 'shown'],
  ['200,000 spaces then a line break, at the start of the notes', [], `${SPACES}\nstart`, 'shown'],
  ['100,000 blank lines inside the notes', [], `start${'\n'.repeat(100_000)}end`, 'shown'],
  ['100,000 lines of "\\r \\n"', [], `start${' \r\n'.repeat(80_000)}end`, 'shown'],
  ['one 250,000-character line', [], 'x'.repeat(250_000), 'shown'],
  ['50,000 @mentions', [], '@alice '.repeat(35_000), 'shown'],
  ['50,000 email-like @ signs', [], 'a@'.repeat(100_000), 'shown'],
  ['20,000 list items', [`done: ${items(20_000, 'a')}`], 'notes', 'shown'],
  ['an item of 60,000 spaces', [`blockers: ["start${' '.repeat(60_000)}end"]`], 'notes', 'shown'],
  ['a tag of 60,000 characters', [`tags: [${'t'.repeat(60_000)}]`], 'notes', 'shown'],
  ['front matter over 64 KiB', [`done: ${items(40_000, 'ab')}`], 'notes', 'skipped'],
  ['a file over 256 KiB', [], 'x'.repeat(300_000), 'skipped'],
];

let template: Team;
beforeAll(async () => {
  template = await buildTeam();
});
afterAll(() => template.box.cleanup());

describe('pathological but valid text', () => {
  it.each(ROWS)('%s: every view in bounded time', async (_name, yaml, notes, outcome) => {
    const team = copyTeam(template);
    try {
      attack(team, [
        { path: entryPath(ID), content: entryText({ id: ID, yaml, notes }) },
        { path: entryPath(GOOD), content: entryText({ id: GOOD, yaml: ['done: [the good entry]'] }) },
      ]);
      const pull = await asVictim(team, ['catchup', '--peek']);
      expect(pull.code, pull.stderr).toBe(0);
      for (const argv of [['catchup', '--peek', '--no-pull'], ['catchup', '--peek', '--no-pull', '--markdown'], ['catchup', '--peek', '--no-pull', '--json']]) {
        const started = performance.now();
        const result = await asVictim(team, argv);
        expect(performance.now() - started, argv.join(' ')).toBeLessThan(3_000);
        expect(result.code, result.stderr).toBe(0);
        expectInert(result);
        expect(result.stdout).toContain('the good entry');
        if (outcome === 'skipped') expect(result.stdout).toContain(`skipped ${entryPath(ID)}`);
        else expect(result.stdout).not.toContain(`skipped ${entryPath(ID)}`);
      }
    } finally {
      team.box.cleanup();
    }
  });
});

describe('a team template built to be slow', () => {
  it.each([
    ['a heading of 5,000 spaces', `## a${' '.repeat(5_000)}b\n`],
    ['400 headings of 150 characters', `## a${' '.repeat(146)}b\n`.repeat(400)],
  ])('%s: update --editor uses the built-in template, at once', async (_name, text) => {
    const team = copyTeam(template);
    try {
      attack(team, [{ path: 'templates/update.md', content: text }]);
      await asVictim(team, ['catchup', '--peek']);
      const started = performance.now();
      const result = await asVictim(team, ['update', '--editor', '--done', 'via the editor', '--no-push'], { EDITOR: 'true', VISUAL: '' });
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain('ignored templates/update.md: a heading is longer than 120 characters; using the built-in template.');
    } finally {
      team.box.cleanup();
    }
  });
});
