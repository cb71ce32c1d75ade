import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { parseEntry } from '../../../src/core/entry.js';
import type { Entry } from '../../../src/core/types.js';
import { runBinWithSilentStdin } from '../../helpers/cli.js';
import { runBinStdinClosed, script, shq } from '../../helpers/shell.js';
import { cloneHealth, makeTeam, remoteEntries, writtenPath, type Team } from '../../helpers/team.js';

/**
 * Every flag of update, handoff, ack and sync, through the built binary as a script runs it:
 * stdin is not a terminal, so nothing may prompt, wait, colour or spin.
 */
let team: Team;
let scripts: string;
beforeAll(async () => {
  team = await makeTeam(
    [
      { handle: 'alice', tz: 'Europe/Berlin', hours: '09:00-17:30' },
      { handle: 'bob', tz: 'America/Los_Angeles' },
      { handle: 'carol', tz: 'Asia/Kolkata', hours: '10:00-18:30', workdays: 'sun-thu' },
    ],
    '2026-11-24T16:00:00Z',
  );
  scripts = join(team.box.dir, 'scripts');
  mkdirSync(scripts);
});
afterAll(() => team.cleanup());

const alice = (argv: string[], extra: Record<string, string | undefined> & { input?: string } = {}) => team.bin('alice', argv, extra);

function entryAt(path: string, handle = 'alice'): Entry {
  const parsed = parseEntry(readFileSync(join(team.clone[handle]!, path), 'utf8'), path);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.entry;
}

/** Nothing written, nothing committed, nothing staged. */
function expectUntouched(head: string): void {
  expect(team.git('alice', ['rev-parse', 'HEAD'])).toBe(head);
  expect(cloneHealth(team.clone.alice!, team.env).dirty).toBe('');
}

/** No colour, no spinner, no cursor movement: plain lines for a log file. */
function expectPlain(text: string): void {
  expect(text).not.toMatch(/[\u001b\u009b]|[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
}

describe('update', () => {
  it('every content flag, repeatable, lands in the entry; -y is accepted; output is plain', async () => {
    const result = await alice(
      [
        'update',
        '--done',
        'one',
        '--done',
        'two',
        '--next',
        'three',
        '--blocker',
        'four @bob',
        '--note',
        'five\n\nsix',
        '--tag',
        'seven',
        '--tag',
        'eight',
        '--link',
        'https://example.com/9',
        '-y',
      ],
      { FORCE_COLOR: undefined },
    );
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Wrote entries\/2026\/11\/24\/20261124T160000Z-alice-[a-z0-9]{4}\.md\. Pushed\.\n$/);
    expectPlain(result.stdout + result.stderr);
    expect(entryAt(writtenPath(result.stdout))).toMatchObject({
      kind: 'update',
      done: ['one', 'two'],
      next: ['three'],
      blockers: ['four @bob'],
      notes: 'five\n\nsix',
      tags: ['seven', 'eight'],
      links: ['https://example.com/9'],
      to: [],
      asks: [],
    });
    expect(remoteEntries(team.remote).files).toContain(writtenPath(result.stdout));
  });

  it('--no-push commits only; sync then pushes', async () => {
    const result = await alice(['update', '--done', 'local', '--no-push']);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/Committed locally \(--no-push\); 'async sync' pushes it\./);
    expect(remoteEntries(team.remote).files).not.toContain(writtenPath(result.stdout));
    const sync = await alice(['sync']);
    expect(sync).toMatchObject({ code: 0, stderr: '' });
    expect(sync.stdout).toBe('Pushed 1 entry.\n');
    expect(remoteEntries(team.remote).files).toContain(writtenPath(result.stdout));
  });

  it('--from-file FILE reads a filled template; flags given with it add to it', async () => {
    const file = join(team.box.dir, 'filled.md');
    writeFileSync(
      file,
      '<!-- a comment -->\n## Done\n- from the file\n- [x] a checkbox item\n\n## Next\n1. numbered\n\n## Risks\nThe custom section is kept.\n\n## Notes\nHello.\n',
    );
    const result = await alice(['update', '--from-file', file, '--done', 'from a flag', '--tag', 'merged']);
    expect(result.stderr).toBe('');
    expect(entryAt(writtenPath(result.stdout))).toMatchObject({
      done: ['from the file', 'a checkbox item', 'from a flag'],
      next: ['numbered'],
      tags: ['merged'],
      notes: '### Risks\n\nThe custom section is kept.\n\nHello.',
    });
  });

  it('--from-file - reads standard input (only because it was asked to)', async () => {
    const result = await alice(['update', '--from-file', '-'], { input: '## Done\n- piped in\n' });
    expect(result.stderr).toBe('');
    expect(entryAt(writtenPath(result.stdout)).done).toEqual(['piped in']);
  });

  it('--from-file relative to the current directory; a missing file is exit 2', async () => {
    writeFileSync(join(team.clone.alice!, '..', 'rel.md'), '## Next\n- relative\n');
    const ok = await alice(['update', '--from-file', '../rel.md']);
    expect(entryAt(writtenPath(ok.stdout)).next).toEqual(['relative']);
    const head = team.git('alice', ['rev-parse', 'HEAD']);
    const missing = await alice(['update', '--from-file', 'nope.md']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/^async: Cannot read --from-file nope\.md: no such file\./);
    expectUntouched(head);
  });
});

describe('handoff and ack', () => {
  it('every flag of handoff: --to, --ask, --done, --next, --blocker, --note, --tag, --link, -y', async () => {
    const result = await alice([
      'handoff',
      '--to',
      'carol',
      '--to',
      'bob',
      '--ask',
      'a1',
      '--ask',
      'a2',
      '--done',
      'd',
      '--next',
      'n (carol, in progress)',
      '--blocker',
      'b',
      '--note',
      'State: half done',
      '--tag',
      't',
      '--link',
      'https://example.com/l',
      '-y',
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(entryAt(writtenPath(result.stdout))).toMatchObject({
      kind: 'handoff',
      to: ['carol', 'bob'],
      asks: ['a1', 'a2'],
      done: ['d'],
      next: ['n (carol, in progress)'],
      blockers: ['b'],
      notes: 'State: half done',
      tags: ['t'],
      links: ['https://example.com/l'],
    });
    expect(team.git('alice', ['log', '-1', '--format=%s'])).toBe('handoff: alice → carol, bob: a1\n');
  });

  it('without --to, says who the rule picked and why, on stderr', async () => {
    const result = await alice(['handoff', '--ask', 'take over', '--no-push']);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(
      /^Handing off to bob \(the handoff rule; --to overrides it\):\n {2}bob comes online in 1h at 09:00 in Los Angeles/,
    );
    expect(entryAt(writtenPath(result.stdout)).to).toEqual(['bob']);
  });

  it('ack ID --note --no-push -y, then sync', async () => {
    const sent = await alice(['handoff', '--to', 'bob', '--ask', 'please ack']);
    const id = writtenPath(sent.stdout).split('/').pop()!.replace(/\.md$/, '');
    const ack = await team.bin('bob', ['ack', id, '--note', 'got it', '--no-push', '-y']);
    expect(ack.stderr).toBe('');
    expect(ack.code).toBe(0);
    expect(ack.stdout).toMatch(/Committed locally \(--no-push\)/);
    expect(entryAt(writtenPath(ack.stdout), 'bob')).toMatchObject({ kind: 'ack', ref: id, notes: 'got it' });
    expect((await team.bin('bob', ['sync'])).code).toBe(0);
    expect(remoteEntries(team.remote).files).toContain(writtenPath(ack.stdout));
  });
});

describe('the editor flow', () => {
  const capture = () => join(scripts, 'seen.md');
  beforeEach(() => writeFileSync(capture(), ''));

  it('opens $EDITOR on the built-in template; what is saved is posted', async () => {
    const editor = script(scripts, 'fill.sh', `cp "$1" ${shq(capture())}\nsed -i 's/^## Done$/## Done\\n- written in the editor/' "$1"`);
    const result = await alice(['update', '--editor', '--next', 'prefilled from a flag'], { EDITOR: editor, VISUAL: undefined });
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const seen = readFileSync(capture(), 'utf8');
    expect(seen).toContain('async update: what you did today');
    expect(seen).toMatch(/## Next\n- prefilled from a flag/);
    expect(entryAt(writtenPath(result.stdout))).toMatchObject({
      done: ['written in the editor'],
      next: ['prefilled from a flag'],
      notes: '',
    });
  });

  it('$VISUAL wins over $EDITOR, and an editor with arguments works ("code --wait" style)', async () => {
    const visual = script(scripts, 'visual.sh', `[ "$1" = "--wait" ] || exit 3\nprintf '## Done\\n- via visual\\n' > "$2"`);
    const result = await alice(['update', '--editor'], { VISUAL: `${visual} --wait`, EDITOR: '/bin/false' });
    expect(result.stderr).toBe('');
    expect(entryAt(writtenPath(result.stdout)).done).toEqual(['via visual']);
  });

  it('an editor that exits non-zero: exit 1, nothing written', async () => {
    const head = team.git('alice', ['rev-parse', 'HEAD']);
    const result = await alice(['update', '--editor'], {
      EDITOR: script(scripts, 'fail.sh', `printf '## Done\\n- not posted\\n' > "$1"\nexit 1`),
      VISUAL: undefined,
    });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/^async: The editor .* exited with status 1; nothing was written\./);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expectUntouched(head);
    // Nothing typed is lost: the next --editor reopens the text, and posting it drops the draft.
    const again = await alice(['update', '--editor'], {
      EDITOR: script(scripts, 'look.sh', `cp "$1" ${shq(capture())}`),
      VISUAL: undefined,
    });
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toMatch(/^Reopening your draft \(.*EDIT_UPDATE\.md\); empty the file to cancel\.$/m);
    expect(readFileSync(capture(), 'utf8')).toBe('## Done\n- not posted\n');
    expect(entryAt(writtenPath(again.stdout)).done).toEqual(['not posted']);
    const third = await alice(['update', '--editor', '--done', 'fresh'], {
      EDITOR: script(scripts, 'look.sh', `cp "$1" ${shq(capture())}`),
      VISUAL: undefined,
    });
    expect(third.stderr).not.toContain('Reopening');
    expect(readFileSync(capture(), 'utf8')).toContain('async update: what you did today');
  });

  it('an editor that leaves the template as it was: exit 2, nothing written', async () => {
    const head = team.git('alice', ['rev-parse', 'HEAD']);
    const result = await alice(['update', '--editor'], { EDITOR: 'true', VISUAL: undefined });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/The update is empty/);
    expectUntouched(head);
  });

  it('an editor that leaves the file empty: a cancel, as git does (exit 130, nothing written)', async () => {
    const head = team.git('alice', ['rev-parse', 'HEAD']);
    const result = await alice(['handoff', '--editor'], {
      EDITOR: script(scripts, 'empty.sh', `printf '\\n  \\n' > "$1"`),
      VISUAL: undefined,
    });
    expect(result.code).toBe(130);
    expect(result.stderr).toMatch(/\nasync: Cancelled: the editor left the file empty; nothing was written\.\n$/);
    expectUntouched(head);
  });

  it('works in a clone made with plain git clone (no .git/async yet), and reports an editor killed by a signal', async () => {
    const plainClone = join(team.box.dir, 'plain-clone');
    team.git('alice', ['clone', '-q', team.remote, plainClone]);
    const env = { ...team.env, ASYNC_USER: 'bob', VISUAL: undefined };
    const { runBin } = await import('../../helpers/cli.js');
    const ok = await runBin(['update', '--editor', '--no-push'], {
      cwd: plainClone,
      env: { ...env, EDITOR: script(scripts, 'plain.sh', `printf '## Done\\n- from a plain clone\\n' > "$1"`) },
    });
    expect(ok.stderr).toBe('');
    expect(ok.code).toBe(0);
    const killed = await runBin(['update', '--editor'], {
      cwd: plainClone,
      env: { ...env, EDITOR: script(scripts, 'killed.sh', 'kill -TERM $$') },
    });
    expect(killed.code).toBe(1);
    expect(killed.stderr).toMatch(/The editor .* (was stopped by SIGTERM|exited with status 143); nothing was written\./);
  });

  it('--editor off a terminal with no $VISUAL or $EDITOR: exit 2, never vi', async () => {
    const result = await alice(['update', '--editor'], { EDITOR: undefined, VISUAL: undefined });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/--editor needs an editor: set \$VISUAL or \$EDITOR/);
  });

  it('--editor and --from-file together: exit 2', async () => {
    const result = await alice(['update', '--editor', '--from-file', 'x.md'], { EDITOR: 'true' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/either --from-file or --editor/);
  });

  it('a handoff template is prefilled with the recipients of the rule; editing them changes who gets it', async () => {
    const editor = script(
      scripts,
      'handoff.sh',
      `cp "$1" ${shq(capture())}\nsed -i -e 's/^- bob$/- carol/' -e 's/^## Asks$/## Asks\\n- take it from here/' "$1"`,
    );
    const result = await alice(['handoff', '--editor', '--no-push'], { EDITOR: editor, VISUAL: undefined });
    expect(result.stderr).toMatch(/^Handing off to bob/);
    expect(result.code).toBe(0);
    const seen = readFileSync(capture(), 'utf8');
    expect(seen).toContain('async handoff: everything the next person needs');
    expect(seen).toMatch(/## To\n<!--.*-->\n- bob\n/);
    expect(entryAt(writtenPath(result.stdout))).toMatchObject({ to: ['carol'], asks: ['take it from here'] });
  });

  it("the workspace's templates/update.md overrides the built-in one; its own sections go to the notes", async () => {
    mkdirSync(join(team.clone.alice!, 'templates'), { recursive: true });
    writeFileSync(join(team.clone.alice!, 'templates', 'update.md'), '<!-- Team Platform update -->\n## Done\n\n## Wins\n\n## Next\n');
    team.git('alice', ['add', 'templates/update.md']);
    team.git('alice', ['commit', '-qm', 'our own update template']);
    const editor = script(
      scripts,
      'team.sh',
      `cp "$1" ${shq(capture())}\nsed -i -e 's/^## Wins$/## Wins\\nThe migration went well./' -e 's/^## Done$/## Done\\n- migrated/' "$1"`,
    );
    const result = await alice(['update', '--editor'], { EDITOR: editor, VISUAL: undefined });
    expect(result.stderr).toBe('');
    expect(readFileSync(capture(), 'utf8')).toMatch(/^<!-- Team Platform update -->/);
    expect(entryAt(writtenPath(result.stdout))).toMatchObject({ done: ['migrated'], notes: '### Wins\n\nThe migration went well.' });
  });
});

describe('off a terminal: never prompt, never wait (exit 2 at once, naming the flags)', () => {
  const cases: [string, string[], RegExp][] = [
    ['update', ['update'], /^async: Missing --done, --next, --blocker or --note: there is no terminal to ask on\./],
    ['update with only tags and links', ['update', '--tag', 't', '--link', 'https://x'], /Missing --done, --next, --blocker or --note/],
    ['update with blank items', ['update', '--done', '  ', '--next', ''], /Missing --done, --next, --blocker or --note/],
    ['handoff', ['handoff'], /^async: Missing --ask, --next, --done, --blocker or --note: there is no terminal to ask on\./],
    ['handoff with only --to', ['handoff', '--to', 'bob'], /Missing --ask/],
  ];

  it.each(cases)('%s, stdin at end of file', async (_name, argv, message) => {
    const head = team.git('alice', ['rev-parse', 'HEAD']);
    const result = await alice(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stdout).toBe('');
    expectUntouched(head);
  });

  it.each(cases)('%s, stdin an open pipe that never sends', async (_name, argv, message) => {
    const started = Date.now();
    const result = await runBinWithSilentStdin(argv, { cwd: team.clone.alice!, env: team.env, timeoutMs: 15_000 });
    expect(result.timedOut).toBe(false);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it.each(cases)('%s, stdin closed', async (_name, argv, message) => {
    const result = await runBinStdinClosed(argv, { cwd: team.clone.alice!, env: team.env });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it.each(cases)('%s, CI=true', async (_name, argv, message) => {
    const result = await alice(argv, { CI: 'true' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
  });

  it('with content flags and CI=true, posts without asking to confirm', async () => {
    const result = await alice(['update', '--done', 'from CI'], { CI: 'true' });
    expect(result).toMatchObject({ code: 0, stderr: '' });
  });
});

describe('bad usage: exit 2, one line, nothing written', () => {
  it.each([
    [['update', '--done', 'x', '--frobnicate'], /unknown option '--frobnicate'/],
    [['update', '--done'], /option '--done <item>' argument missing/],
    [['update', '--done', 'x', 'stray'], /too many arguments|unknown command|excess/],
    [['handoff', '--ask', 'x', '--too', 'bob'], /unknown option '--too'/],
    [['ack'], /missing required argument 'id'/],
    [['ack', 'x1234', '--force'], /unknown option '--force'/],
    [['sync', '--force'], /unknown option '--force'/],
  ])('%j', async (argv, message) => {
    const head = team.git('alice', ['rev-parse', 'HEAD']);
    const result = await alice(argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    // One message; commander's "(Did you mean --to?)" suggestion may follow on its own line.
    expect(
      result.stderr
        .trim()
        .split('\n')
        .filter((line) => !/^\(Did you mean/.test(line)),
    ).toHaveLength(1);
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expectUntouched(head);
  });

  it('an empty note and nothing else is an empty update', async () => {
    const head = team.git('alice', ['rev-parse', 'HEAD']);
    const result = await alice(['update', '--from-file', '-'], { input: '## Done\n- \n\n## Notes\n   \n' });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^async: The update is empty/);
    expectUntouched(head);
    expect(existsSync(join(team.clone.alice!, 'entries', '2026', '11', '25'))).toBe(false);
  });
});

describe('recipients and tags as people type them', () => {
  it('--to @bob and --to carol,bob name bob and carol, once each', async () => {
    const result = await alice(['handoff', '--to', '@bob', '--to', 'carol, @bob', '--ask', 'take over', '--no-push']);
    expect(result.code, result.stderr).toBe(0);
    expect(entryAt(writtenPath(result.stdout)).to).toEqual(['bob', 'carol']);
  });

  it('--to with an unknown handle among commas is still exit 2', async () => {
    const head = team.git('alice', ['rev-parse', 'HEAD']);
    const result = await alice(['handoff', '--to', 'bob,zed', '--ask', 'x']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/zed/);
    expectUntouched(head);
  });

  it.each([
    ['update', ['update', '--done', 'tagged']],
    ['handoff', ['handoff', '--to', 'bob', '--ask', 'tagged']],
    ['decide', ['decide', 'Tag rules', '--decision', 'One word']],
  ])('%s --tag #billing writes the tag billing, which log --tag billing finds', async (_kind, argv) => {
    const result = await alice([...argv, '--tag', '#billing', '--tag', 'ops', '--no-push']);
    expect(result.code, result.stderr).toBe(0);
    const written = entryAt(writtenPath(result.stdout));
    expect(written.tags).toEqual(['billing', 'ops']);
    const found = await alice(['log', '--json', '--tag', 'billing', '--since', '1d']);
    expect(found.code, found.stderr).toBe(0);
    expect(JSON.parse(found.stdout).entries.map((e: { id: string }) => e.id)).toContain(written.id);
  });

  it.each([
    ['update', ['update', '--done', 'x']],
    ['handoff', ['handoff', '--to', 'bob', '--ask', 'x']],
    ['decide', ['decide', 'Tags', '--decision', 'x']],
  ])('%s --tag "two words" is refused with exit 2, naming the tag', async (_kind, argv) => {
    const head = team.git('alice', ['rev-parse', 'HEAD']);
    const result = await alice([...argv, '--tag', 'release notes', '-y']);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^async: --tag "release notes" has a space in it: a tag is one word\./);
    expect(result.stdout).toBe('');
    expectUntouched(head);
  });
});
