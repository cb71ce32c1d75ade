/**
 * Threat: an entry that is valid but built to make the reader slow: long runs of whitespace that
 * make a careless regular expression backtrack (ReDoS), hundreds of thousands of lines, tens of
 * thousands of items or mentions, one enormous line.
 * Expected: every view of the catch-up finishes in bounded time (the entry is shown, or skipped with
 * a warning naming it when it is past the size limits), and the rest of the catch-up is there.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTemplate } from '../../src/core/template.js';
import { runInProcess } from '../helpers/cli.js';
import { gitIn } from '../helpers/git.js';
import { asVictim, attack, buildTeam, copyTeam, entryPath, entryText, expectInert, NOW, type Team } from '../helpers/hostile.js';

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
      for (const argv of [
        ['catchup', '--peek', '--no-pull'],
        ['catchup', '--peek', '--no-pull', '--markdown'],
        ['catchup', '--peek', '--no-pull', '--json'],
      ]) {
        const started = performance.now();
        const result = await asVictim(team, argv);
        expect(performance.now() - started, argv.join(' ')).toBeLessThan(3_000);
        expect(result.code, result.stderr).toBe(0);
        expectInert(result);
        expect(result.stdout).toContain('the good entry');
        // Warnings: in the JSON document, else on stderr (never pasted into a digest).
        const warnings = argv.includes('--json') ? result.stdout : result.stderr;
        if (outcome === 'skipped') expect(warnings).toContain(`skipped ${entryPath(ID)}`);
        else expect(result.stdout + result.stderr).not.toContain(`skipped ${entryPath(ID)}`);
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

/**
 * Threat: a filled template (from `--from-file`, a teammate's suggested text, or the editor) built
 * to make the parser slow. These bounds guard against quadratic blow-up (a heading of `a`, 80,000
 * spaces and `b` took 14 s), they are not speed figures: the linear parser needs a few ms.
 */
describe('a filled template built to be slow', () => {
  const CASES: [string, string][] = [
    ['a heading with 200,000 spaces inside', `## a${SPACES}b\ntext\n`],
    ['a heading with 200,000 tabs inside', `## a${'\t'.repeat(200_000)}b\ntext\n`],
    ['a heading with 200,000 hashes inside', `## a${'#'.repeat(200_000)}b\ntext\n`],
    ['a heading with 100,000 " #" inside', `## a${' #'.repeat(100_000)}b\ntext\n`],
    ['a heading ending in 200,000 spaces', `## Done${SPACES}\n- x\n`],
    ['50,000 unclosed comments', '<!--'.repeat(50_000)],
    ['30,000 comments', '<!---->'.repeat(30_000)],
    ['an item of 200,000 spaces', `## Done\n-${SPACES}x\n`],
    ['50,000 items', `## Done\n${'- x\n'.repeat(50_000)}`],
  ];

  it.each(CASES)('parseTemplate reads %s in bounded time', (_name, text) => {
    const started = performance.now();
    parseTemplate(text);
    expect(performance.now() - started).toBeLessThan(200);
  });

  it('update --from-file with a 200,000-space heading posts at once, the heading kept', async () => {
    const team = copyTeam(template);
    try {
      const file = join(team.box.dir, 'filled.md');
      writeFileSync(file, `## Done\n- shipped\n## a${SPACES}b\ntext\n`);
      const started = performance.now();
      const result = await asVictim(team, ['update', '--from-file', file, '--no-push']);
      expect(performance.now() - started).toBeLessThan(3_000);
      expect(result.code, result.stderr).toBe(0);
      const written = /Wrote (entries\/\S+\.md)/.exec(result.stdout)?.[1];
      expect(readFileSync(join(team.alice, written!), 'utf8')).toContain(`### a${SPACES}b`);
    } finally {
      team.box.cleanup();
    }
  });

  it.each([
    ['--from-file', (dir: string) => ['--from-file', join(dir, 'big.md')], {}],
    ['--from-file -', () => ['--from-file', '-'], {}],
    ['--editor', () => ['--editor'], { editor: true }],
  ] as const)(
    'text over 256 KiB from %s is refused before parsing: exit 2, one line naming the flag, nothing written',
    async (flag, args, how) => {
      const team = copyTeam(template);
      try {
        const big = `## Done\n- x\n## Notes\n${'y'.repeat(256 * 1024)}\n`;
        writeFileSync(join(team.box.dir, 'big.md'), big);
        // An "editor" that replaces the file it is given with the big text.
        const editor = join(team.box.dir, 'big-editor.sh');
        writeFileSync(editor, `#!/bin/sh\ncat '${join(team.box.dir, 'big.md')}' > "$1"\n`, { mode: 0o755 });
        const head = gitIn(team.alice, ['rev-parse', 'HEAD'], team.box.env);
        const argv = ['update', ...args(team.box.dir), '--no-push'];
        const result =
          'editor' in how
            ? await asVictim(team, argv, { EDITOR: editor, VISUAL: '' })
            : await runInProcess(argv, { cwd: team.alice, env: team.box.env, now: NOW, stdin: flag === '--from-file -' ? big : undefined });
        expect(result.code).toBe(2);
        const lines = result.stderr.trim().split('\n');
        expect(lines).toHaveLength(1);
        expect(lines[0]).toContain(`from ${flag.split(' ')[0]} is larger than 256 KiB`);
        expect(gitIn(team.alice, ['rev-parse', 'HEAD'], team.box.env)).toBe(head);
        expect(gitIn(team.alice, ['status', '--porcelain'], team.box.env)).toBe('');
      } finally {
        team.box.cleanup();
      }
    },
  );
});
