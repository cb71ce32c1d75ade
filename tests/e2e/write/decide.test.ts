import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEntry } from '../../../src/core/entry.js';
import { runBinWithSilentStdin } from '../../helpers/cli.js';
import { script, shq } from '../../helpers/shell.js';
import { cloneHealth, makeTeam, writtenPath, type Team } from '../../helpers/team.js';

/**
 * decide and reply through the built binary as a script runs them: stdin is not a terminal, so a
 * missing title or note fails at once naming it, even while stdin stays open and silent.
 */
let team: Team;
let updateId: string;
beforeAll(async () => {
  team = await makeTeam(
    [
      { handle: 'alice', tz: 'Europe/Berlin' },
      { handle: 'bob', tz: 'America/Los_Angeles' },
    ],
    '2026-11-24T16:00:00Z',
  );
  const update = await team.run('bob', ['update', '--done', 'Shipped']);
  expect(update.code, update.stderr).toBe(0);
  updateId = /(\d{8}T\d{6}Z-bob-[a-z0-9]{4})\.md/.exec(writtenPath(update.stdout))![1]!;
  expect((await team.run('alice', ['sync'])).code).toBe(0);
}, 120_000);
afterAll(() => team?.cleanup());

describe('off a terminal: never prompt, never wait', () => {
  const cases: [string, () => string[], RegExp][] = [
    ['decide without a title', () => ['decide'], /^async: Missing TITLE: a decision needs a title, and there is no terminal to ask on\./],
    ['decide with only options', () => ['decide', '--option', 'A', '--option', 'B'], /^async: Missing TITLE/],
    ['reply without --note', () => ['reply', updateId], /^async: Missing --note: your reply is required/],
  ];

  it.each(cases)('%s: exit 2 at once, nothing written', async (_name, argv, message) => {
    const head = team.git('alice', ['rev-parse', 'HEAD']);
    const started = Date.now();
    const result = await runBinWithSilentStdin(argv(), { cwd: team.clone.alice!, env: team.env, timeoutMs: 15_000 });
    expect(result.timedOut).toBe(false);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(team.git('alice', ['rev-parse', 'HEAD'])).toBe(head);
    expect(cloneHealth(team.clone.alice!, team.env).dirty).toBe('');
  });

  it('with the flags given, both post without asking, plain output', async () => {
    const decided = await runBinWithSilentStdin(['decide', 'Weekly releases', '--decision', 'Tuesdays'], {
      cwd: team.clone.alice!,
      env: team.env,
    });
    expect(decided.stderr).toBe('');
    expect(decided.code).toBe(0);
    expect(decided.stdout).toMatch(/^Wrote entries\/2026\/11\/24\/20261124T160000Z-alice-[a-z0-9]{4}\.md\. Pushed\.\n$/);
    const replied = await runBinWithSilentStdin(['reply', updateId, '--note', 'Congrats'], { cwd: team.clone.alice!, env: team.env });
    expect(replied.stderr).toBe('');
    expect(replied.code).toBe(0);
  });

  it('help lists decide and reply after ack, with examples', async () => {
    const help = await team.bin('alice', ['--help']);
    expect(help.stdout).toMatch(/ack [^\n]*\n\s+decide [^\n]*\n\s+reply /);
    for (const command of ['decide', 'reply', 'update', 'handoff']) {
      const text = await team.bin('alice', [command, '--help']);
      expect(text.code).toBe(0);
      expect(text.stdout).toContain('Examples:');
    }
    expect((await team.bin('alice', ['update', '--help'])).stdout).toContain('--amends <id>');
  });
});

describe('decide --editor', () => {
  it('fills templates/decision.md with what is known and reads the record back', async () => {
    const dir = join(team.box.dir, 'editors');
    mkdirSync(dir, { recursive: true });
    const seen = join(dir, 'seen.md');
    const editor = script(
      dir,
      'decide.sh',
      `cp "$1" ${shq(seen)}\nsed -i -e 's/^## Title$/## Title\\nUse Postgres\\nfor events/' -e 's/^## Options$/## Options\\n- Postgres\\n- [ ] Batch writes/' "$1"`,
    );
    const result = await team.bin('alice', ['decide', '--editor', '--context', 'SQLite locks.', '--tag', 'db', '--input-by', 'fri'], {
      EDITOR: editor,
      VISUAL: undefined,
    });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const template = readFileSync(seen, 'utf8');
    expect(template).toMatch(/^<!-- async decide: a decision record\./);
    expect(template).toMatch(/## Context\n<!--[^\n]*-->\nSQLite locks\./);
    expect(template).toMatch(/## Tags\n- db/);
    const path = writtenPath(result.stdout);
    const parsed = parseEntry(readFileSync(join(team.clone.alice!, path), 'utf8'), path);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(parsed.entry.tags).toEqual(['db']);
    expect(parsed.entry.decision).toMatchObject({
      title: 'Use Postgres for events',
      status: 'proposed',
      context: 'SQLite locks.',
      options: ['Postgres', 'Batch writes'],
      decision: '',
      inputBy: '2026-11-27',
    });
  });
});
