/**
 * Threat: a teammate commits symbolic links (git stores them as they are) where entries, day
 * folders, members, templates or async.yaml are expected, pointing at a secret outside the
 * workspace, at devices, at directories or at themselves; or files whose names play with paths,
 * case and reserved words.
 * Expected: no file outside the workspace is read (a canary secret never shows up) or written (the
 * sandbox outside the clones is byte-for-byte unchanged), a warning names the skipped path, and
 * everything else keeps working.
 */
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunResult } from '../helpers/cli.js';
import { gitIn } from '../helpers/git.js';
import {
  CANARY_TEXT,
  OUTSIDE_ENTRY_ID,
  asVictim,
  attack,
  buildTeam,
  copyTeam,
  entryPath,
  entryText,
  expectInert,
  expectNoCanary,
  outsideSnapshot,
  type HostileFile,
  type Team,
} from '../helpers/hostile.js';

const HANDOFF = '20261123T200000Z-mallory-hoff';
const TODAY = 'entries/2026/11/24';
const UP5 = '../../../../..';

type View = 'catchup' | 'json' | 'markdown' | 'who' | 'next' | 'list' | 'update' | 'ack' | 'editor';
const VIEWS: Record<View, string[]> = {
  catchup: ['catchup', '--peek', '--no-pull'],
  json: ['catchup', '--peek', '--no-pull', '--json'],
  markdown: ['catchup', '--peek', '--no-pull', '--markdown'],
  who: ['who'],
  next: ['next'],
  list: ['member', 'list'],
  update: ['update', '--done', 'read everything', '--no-push'],
  ack: ['ack', HANDOFF, '--no-push'],
  // The editor is `true`: the template comes back as it went in, so a followed link would post its text.
  editor: ['update', '--editor', '--done', 'via the editor', '--no-push'],
};

interface Row {
  files: (team: Team) => HostileFile[];
  /** Substrings of the warnings (catchup's, or stderr for roster ones) naming what was skipped. */
  warns: string[];
  /** Exit codes other than 0, with what stderr must say. */
  fails?: Partial<Record<View, [number, RegExp]>>;
  /** The link replaced the folder holding the legitimate handoff. */
  handoffGone?: boolean;
}

const link = (path: string, target: string): HostileFile => ({ path, symlink: target });

const ROWS: [string, Row][] = [
  [
    'entry file → secret outside (absolute link)',
    {
      files: (t) => [link(entryPath(OUTSIDE_ENTRY_ID), join(t.outside, 'entry.md'))],
      warns: [`skipped ${entryPath(OUTSIDE_ENTRY_ID)}: it is a symbolic link.`],
    },
  ],
  [
    'entry file → secret outside (relative link)',
    {
      files: () => [link(entryPath(OUTSIDE_ENTRY_ID), `${UP5}/outside/entry.md`)],
      warns: [`skipped ${entryPath(OUTSIDE_ENTRY_ID)}: it is a symbolic link.`],
    },
  ],
  [
    'entry file → the secret file itself',
    { files: (t) => [link(`${TODAY}/20261124T100000Z-mallory-sec1.md`, t.secret)], warns: ['mallory-sec1.md: it is a symbolic link.'] },
  ],
  [
    'entry file → another entry inside the workspace',
    {
      files: () => [link(`${TODAY}/20261123T200000Z-mallory-hoff.md`, `../23/${HANDOFF}.md`)],
      warns: ['mallory-hoff.md: it is a symbolic link.'],
    },
  ],
  [
    'entry file → /dev/zero (endless)',
    { files: () => [link(`${TODAY}/20261124T100000Z-mallory-zero.md`, '/dev/zero')], warns: ['mallory-zero.md: it is a symbolic link.'] },
  ],
  [
    'entry file → itself (loop)',
    {
      files: () => [link(`${TODAY}/20261124T100000Z-mallory-loop.md`, '20261124T100000Z-mallory-loop.md')],
      warns: ['mallory-loop.md: it is a symbolic link.'],
    },
  ],
  [
    'entry file → nowhere (dangling)',
    { files: () => [link(`${TODAY}/20261124T100000Z-mallory-gone.md`, 'missing.md')], warns: ['mallory-gone.md: it is a symbolic link.'] },
  ],
  [
    'entry "file" that is a directory',
    {
      files: () => [{ path: `${TODAY}/20261124T100000Z-mallory-adir.md/x`, content: 'x' }],
      warns: ['mallory-adir.md: it is not a regular file.'],
    },
  ],
  [
    'day folder → a folder outside',
    {
      files: (t) => [link(TODAY, join(t.outside, 'tree/2026/11/24'))],
      warns: [`skipped ${TODAY}: it is a symbolic link.`],
      fails: { update: [1, /Refusing to write .*entries\/2026\/11\/24/], ack: [1, /Refusing to write/], editor: [1, /Refusing to write/] },
    },
  ],
  [
    'month folder → a folder outside',
    {
      files: (t) => [{ path: 'entries/2026/11', remove: true }, link('entries/2026/11', join(t.outside, 'tree/2026/11'))],
      warns: ['skipped entries/2026/11: it is a symbolic link.'],
      handoffGone: true,
      fails: { update: [1, /Refusing to write/], ack: [2, /No entry with id/], editor: [1, /Refusing to write/] },
    },
  ],
  [
    'year folder → a folder outside (relative link)',
    {
      files: () => [{ path: 'entries/2026', remove: true }, link('entries/2026', '../../outside/tree/2026')],
      warns: ['skipped entries/2026: it is a symbolic link.'],
      handoffGone: true,
      fails: { update: [1, /Refusing to write/], ack: [2, /No entry with id/], editor: [1, /Refusing to write/] },
    },
  ],
  [
    'entries/ itself → a folder outside',
    {
      files: (t) => [{ path: 'entries', remove: true }, link('entries', join(t.outside, 'tree'))],
      warns: ['skipped entries: it is a symbolic link.'],
      handoffGone: true,
      fails: { update: [1, /Refusing to write/], ack: [2, /No entry with id/], editor: [1, /Refusing to write/] },
    },
  ],
  [
    'day folder → itself (loop)',
    {
      files: () => [link(TODAY, '24')],
      warns: [`skipped ${TODAY}: it is a symbolic link.`],
      fails: { update: [1, /Refusing to write/], ack: [1, /Refusing to write/], editor: [1, /Refusing to write/] },
    },
  ],
  [
    'day folder → its parent (a cycle)',
    {
      files: () => [link(TODAY, '..')],
      warns: [`skipped ${TODAY}: it is a symbolic link.`],
      fails: { update: [1, /Refusing to write/], ack: [1, /Refusing to write/], editor: [1, /Refusing to write/] },
    },
  ],
  [
    'day folder that is a file',
    {
      files: () => [{ path: TODAY, content: 'not a folder\n' }],
      warns: [`skipped ${TODAY}: it is not a directory.`],
      fails: { update: [1, /Refusing to write/], ack: [1, /Refusing to write/], editor: [1, /Refusing to write/] },
    },
  ],
  [
    'member file → secret outside',
    {
      files: (t) => [link('members/bob.yaml', join(t.outside, 'member.yaml'))],
      warns: ['skipped members/bob.yaml: it is a symbolic link.'],
    },
  ],
  [
    'member file → /dev/zero',
    { files: () => [link('members/eve.yaml', '/dev/zero')], warns: ['skipped members/eve.yaml: it is a symbolic link.'] },
  ],
  [
    'member file → itself (loop)',
    { files: () => [link('members/eve.yaml', 'eve.yaml')], warns: ['skipped members/eve.yaml: it is a symbolic link.'] },
  ],
  [
    'members/ itself → a folder outside',
    {
      files: (t) => [{ path: 'members', remove: true }, link('members', join(t.outside, 'members'))],
      warns: ['skipped members: it is a symbolic link.'],
      // With no roster nobody can be recognised: the commands that need "you" say so, read nothing outside.
      fails: {
        catchup: [2, /Cannot tell who you are|removed you \(alice\) from the roster/],
        json: [2, /Cannot tell who you are|removed you \(alice\) from the roster/],
        markdown: [2, /Cannot tell who you are|removed you \(alice\) from the roster/],
        next: [2, /Cannot tell who you are|removed you \(alice\) from the roster/],
        update: [2, /Cannot tell who you are|removed you \(alice\) from the roster/],
        ack: [2, /Cannot tell who you are|removed you \(alice\) from the roster/],
        editor: [2, /Cannot tell who you are|removed you \(alice\) from the roster/],
      },
    },
  ],
  [
    'async.yaml → secret outside',
    {
      files: (t) => [link('async.yaml', join(t.outside, 'async.yaml'))],
      warns: ['async.yaml: it is a symbolic link; using the defaults.'],
    },
  ],
  [
    'async.yaml → /dev/zero',
    { files: () => [link('async.yaml', '/dev/zero')], warns: ['async.yaml: it is a symbolic link; using the defaults.'] },
  ],
  [
    'async.yaml that is a directory',
    {
      files: () => [
        { path: 'async.yaml', remove: true },
        { path: 'async.yaml/team', content: 'x\n' },
      ],
      warns: ['async.yaml: it is not a regular file; using the defaults.'],
    },
  ],
  [
    'templates/update.md → a template outside',
    {
      files: (t) => [link('templates/update.md', join(t.outside, 'template.md'))],
      warns: ['ignored templates/update.md: it is a symbolic link; using the built-in template.'],
    },
  ],
  [
    'templates/ → a folder outside',
    {
      files: (t) => [link('templates', join(t.outside, 'templates'))],
      warns: ['ignored templates/update.md: its folder templates leads outside the workspace; using the built-in template.'],
    },
  ],
  [
    'members/Alice.yaml beside alice.yaml',
    {
      files: () => [{ path: 'members/Alice.yaml', content: 'handle: Alice\nname: Evil Alice\ntz: UTC\n' }],
      warns: ['skipped members/Alice.yaml: its file name is not a valid handle (The handle "Alice" must be lowercase'],
    },
  ],
  [
    'a member file whose handle says alice',
    {
      files: () => [{ path: 'members/eve.yaml', content: 'handle: alice\nname: Evil Alice\ntz: UTC\n' }],
      warns: ['skipped members/eve.yaml: handle "alice" does not match the file name eve.yaml.'],
    },
  ],
  [
    'reserved and device handles',
    {
      files: () => ['con', 'all', 'me', 'nul'].map((h) => ({ path: `members/${h}.yaml`, content: 'tz: UTC\n' })),
      warns: ['skipped members/con.yaml:', 'skipped members/all.yaml:', 'skipped members/me.yaml:', 'skipped members/nul.yaml:'],
    },
  ],
  // Dot files (`...yaml`, `..yaml`) are hidden files, never read, like our own temp files.
  [
    'path-like and option-like member file names',
    {
      files: () => ['..', '-rf', '.', '--upload-pack=x'].map((h) => ({ path: `members/${h}.yaml`, content: 'tz: UTC\n' })),
      warns: ['skipped members/-rf.yaml:', 'skipped members/--upload-pack=x.yaml:'],
    },
  ],
  [
    'path-like author, recipient and ref',
    {
      files: () => [
        {
          path: `${TODAY}/20261124T100000Z-mallory-path.md`,
          content: entryText({ id: '20261124T100000Z-mallory-path', created: '2026-11-24T10:00:00Z' }).replace(
            'author: mallory',
            'author: ../../alice',
          ),
        },
        {
          path: `${TODAY}/20261124T100100Z-mallory-tooo.md`,
          content: entryText({ id: '20261124T100100Z-mallory-tooo', kind: 'handoff', yaml: ['to: [../alice]'] }),
        },
        {
          path: `${TODAY}/20261124T100200Z-mallory-reff.md`,
          content: entryText({ id: '20261124T100200Z-mallory-reff', kind: 'ack', yaml: ['ref: ../../../etc/passwd'] }),
        },
      ],
      warns: [
        'mallory-path.md: author "../../alice" is not a valid handle.',
        'mallory-tooo.md: to holds "../alice", which is not a handle.',
        'mallory-reff.md: ref "../../../etc/passwd" is not an entry id.',
      ],
    },
  ],
];

let template: Team;
beforeAll(async () => {
  template = await buildTeam();
  // A handoff to alice from the day before, so ack has something to acknowledge.
  attack(template, [
    { path: entryPath(HANDOFF), content: entryText({ id: HANDOFF, kind: 'handoff', yaml: ['to: [alice]', 'asks: [the legitimate ask]'] }) },
  ]);
});
afterAll(() => template.box.cleanup());

describe('the filesystem: links and names that lead somewhere else', () => {
  it.each(ROWS)('%s', async (_name, row) => {
    const team = copyTeam(template);
    try {
      attack(team, row.files(team));
      const before = outsideSnapshot(team);
      const pull = await asVictim(team, ['catchup', '--peek']);
      expectNoCanary(pull);
      expectInert(pull);

      const results: Partial<Record<View, RunResult>> = {};
      for (const [view, argv] of Object.entries(VIEWS) as [View, string[]][]) {
        const result = await asVictim(team, argv, view === 'editor' ? { EDITOR: 'true', VISUAL: '' } : {});
        results[view] = result;
        expectNoCanary(result, view);
        expectInert(result, view);
        const failure = row.fails?.[view];
        if (failure) {
          expect(result.code, `${view}: ${result.stderr}`).toBe(failure[0]);
          expect(result.stderr, view).toMatch(failure[1]);
          expect(result.stderr.trim().split('\n'), view).toHaveLength(1);
        } else {
          expect(result.code, `${view}: ${result.stderr}`).toBe(0);
        }
      }

      // Nothing outside the workspace was written, and nothing read from there was committed.
      expect(outsideSnapshot(team)).toEqual(before);
      const log = gitIn(team.alice, ['log', '-p', '--all'], team.box.env);
      expect(log).not.toContain(CANARY_TEXT);

      // Each skipped path is named, where the user looks: catchup's JSON warnings, or stderr (text catchup too).
      const json = results.json!;
      const said = [
        json.code === 0 ? JSON.parse(json.stdout).warnings.join('\n') : '',
        results.catchup!.stderr,
        results.who!.stderr,
        results.editor!.stderr,
      ].join('\n');
      for (const warning of row.warns) expect(said, said).toContain(warning);

      // Everything else works: the legitimate handoff still reaches alice.
      if (json.code === 0 && !row.handoffGone) {
        expect(JSON.parse(json.stdout).handoffsToYou).toEqual([HANDOFF]);
        expect(results.catchup!.stdout).toContain('the legitimate ask');
      }
    } finally {
      team.box.cleanup();
    }
  });

  it('a member set keeps keys this version does not know, and never writes through a link', async () => {
    const team = copyTeam(template);
    try {
      attack(team, [
        { path: 'members/bob.yaml', content: 'handle: bob\nname: Bob Builder\ntz: America/Los_Angeles\nslack: "@bob"\npronouns: he/him\n' },
      ]);
      await asVictim(team, ['catchup', '--peek']);
      const set = await asVictim(team, ['member', 'set', 'bob', '--hours', '08:00-16:00', '--no-push']);
      expect(set.code, set.stderr).toBe(0);
      const written = readFileSync(join(team.alice, 'members/bob.yaml'), 'utf8');
      expect(written).toContain('hours: 08:00-16:00');
      expect(written).toContain('slack: "@bob"');
      expect(written).toContain('pronouns: he/him');
    } finally {
      team.box.cleanup();
    }
  });
});
