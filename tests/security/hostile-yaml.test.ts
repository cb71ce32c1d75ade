/**
 * Threat: a teammate commits YAML built to hurt the parser or the program reading it, in an entry's
 * front matter, a member file or async.yaml: expansion bombs, deep nesting, language tags that
 * construct objects or run code, prototype keys, duplicate keys, YAML 1.1 reinterpretation, sheer size.
 * Expected: that file is skipped with a warning naming it (async.yaml: its defaults stand in), in
 * bounded time; everything else works; no prototype is touched; nothing runs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asVictim, attack, buildTeam, copyTeam, entryPath, entryText, expectInert, type Team } from '../helpers/hostile.js';

type Target = 'entry' | 'member' | 'async.yaml';
/** `prefix` goes before the document (directives); `lines` are top-level keys added to a valid file. */
interface Hostile {
  prefix?: string;
  lines: (target: Target, canary: string) => string;
}

function billionLaughs(levels = 10): string {
  const lines = ['lol0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < levels; i++)
    lines.push(
      `lol${i}: &a${i} [${Array(9)
        .fill(`*a${i - 1}`)
        .join(',')}]`,
    );
  return lines.join('\n');
}
const same = (text: string) => () => text;
/** A key of the target's own, repeated with another value: which one would win? Neither. */
const DUPLICATE: Record<Target, string> = { entry: 'kind: handoff', member: 'tz: Asia/Tokyo', 'async.yaml': 'team: Other' };
const TEN_MB = 10 * 1024 * 1024;

type Outcome = 'skipped' | 'read';
// [threat, the YAML, what happens to the file (per target where they differ)]
const ROWS: [string, Hostile, Outcome | Record<Target, Outcome>][] = [
  ['alias bomb (billion laughs, 10 levels)', { lines: same(billionLaughs()) }, 'skipped'],
  ['a single alias', { lines: same('anchor: &x hello\nagain: *x') }, 'skipped'],
  ['10,000 levels of flow nesting', { lines: same(`deep: ${'['.repeat(10_000)}${']'.repeat(10_000)}`) }, 'skipped'],
  ['10,000 levels of unclosed nesting', { lines: same(`deep: ${'{a: '.repeat(10_000)}`) }, 'skipped'],
  ['!!js/function', { lines: same("evil: !!js/function \"function () { require('fs').writeFileSync('pwned', '') }\"") }, 'skipped'],
  ['!!python/object/apply:os.system', { lines: (_t, canary) => `evil: !!python/object/apply:os.system ["touch ${canary}"]` }, 'skipped'],
  [
    '!!python/object/new with a verbatim tag',
    { lines: (_t, canary) => `evil: !<tag:yaml.org,2002:python/object/new:os.system> ["touch ${canary}"]` },
    'skipped',
  ],
  ['a custom local tag', { lines: same('evil: !include /etc/passwd') }, 'skipped'],
  ['!!binary (YAML 1.1)', { lines: same('evil: !!binary aGVsbG8=') }, 'skipped'],
  ['duplicate keys', { lines: (target) => DUPLICATE[target] }, 'skipped'],
  // In an entry the first "---" closes the front matter: the rest is notes, read as text.
  ['more than one document', { lines: same('extra: 1\n---\nsecond: 2') }, { entry: 'read', member: 'skipped', 'async.yaml': 'skipped' }],
  ['a 10 MB document', { lines: same(`pad: "${'x'.repeat(TEN_MB)}"`) }, 'skipped'],
  ['__proto__ key', { lines: same('__proto__: {polluted: yes}') }, 'read'],
  ['quoted "__proto__" key', { lines: same('"__proto__":\n  polluted: yes') }, 'read'],
  ['constructor.prototype', { lines: same('constructor:\n  prototype:\n    polluted: yes') }, 'read'],
  ['a merge key', { lines: same('<<: {polluted: yes}') }, 'read'],
  // Front matter cannot hold a directive and its "---": that entry is skipped; elsewhere 1.2 rules.
  [
    'a %YAML 1.1 directive (17:00 would be 1020)',
    { prefix: '%YAML 1.1\n---\n', lines: same('when: 17:00\noff: no') },
    { entry: 'skipped', member: 'read', 'async.yaml': 'read' },
  ],
];

const HOSTILE_ID = '20261124T100000Z-mallory-evil';
const GOOD_ID = '20261124T090000Z-mallory-good';

function files(target: Target, hostile: Hostile, canary: string) {
  const extra = hostile.lines(target, canary);
  const good = { path: entryPath(GOOD_ID), content: entryText({ id: GOOD_ID, yaml: ['done: [the good entry]'] }) };
  if (target === 'entry') {
    // In front matter a directive cannot be followed by its own "---": that line closes the front matter.
    const front = entryText({ id: HOSTILE_ID, yaml: ['done: [the hostile entry]', extra] });
    const content = hostile.prefix ? front.replace(/^---\n/, `---\n${hostile.prefix.replace(/---\n$/, '')}`) : front;
    return [good, { path: entryPath(HOSTILE_ID), content }];
  }
  if (target === 'member') {
    return [good, { path: 'members/trudy.yaml', content: `${hostile.prefix ?? ''}handle: trudy\nname: Trudy\ntz: UTC\n${extra}\n` }];
  }
  return [good, { path: 'async.yaml', content: `${hostile.prefix ?? ''}team: Platform\n${extra}\n` }];
}

let template: Team;
beforeAll(async () => {
  template = await buildTeam();
});
afterAll(() => template.box.cleanup());

const TARGETS: Target[] = ['entry', 'member', 'async.yaml'];
const cases = ROWS.flatMap(([threat, hostile, outcome]) =>
  TARGETS.map((target) => [threat, target, hostile, typeof outcome === 'string' ? outcome : outcome[target]] as const),
);

describe('hostile YAML', () => {
  it.each(cases)('%s in %s', async (_threat, target, hostile, outcome) => {
    const team = copyTeam(template);
    const canary = join(team.box.dir, 'yaml-pwned');
    try {
      attack(team, files(target, hostile, canary));
      const pull = await asVictim(team, ['catchup', '--peek']);
      expect(pull.code, pull.stderr).toBe(0);

      const started = performance.now();
      const catchup = await asVictim(team, ['catchup', '--peek', '--no-pull', '--json']);
      const text = await asVictim(team, ['catchup', '--peek', '--no-pull']);
      const who = await asVictim(team, ['who']);
      const list = await asVictim(team, ['member', 'list', '--json']);
      const next = await asVictim(team, ['next']);
      // Five whole commands, each reading every file: bounded, whatever the YAML holds.
      expect(performance.now() - started).toBeLessThan(5_000);

      for (const result of [catchup, text, who, list, next]) {
        expect(result.code, result.stderr).toBe(0);
        expectInert(result);
      }
      const doc = JSON.parse(catchup.stdout);
      const ids = doc.entries.map((e: { id: string }) => e.id);
      const handles = JSON.parse(list.stdout).members.map((m: { handle: string }) => m.handle);
      // Everything else works.
      expect(ids).toContain(GOOD_ID);
      expect(handles).toEqual(expect.arrayContaining(['alice', 'bob', 'mallory']));
      expect(text.stdout).toContain('the good entry');

      const warnings: string[] = doc.warnings;
      const read = outcome === 'read';
      if (target === 'entry') {
        expect(ids.includes(HOSTILE_ID)).toBe(read);
        if (!read)
          expect(
            warnings.some((w) => w.startsWith(`skipped ${entryPath(HOSTILE_ID)}:`)),
            warnings.join('\n'),
          ).toBe(true);
      } else if (target === 'member') {
        expect(handles.includes('trudy')).toBe(read);
        if (!read) {
          expect(
            warnings.some((w) => w.startsWith('skipped members/trudy.yaml:')),
            warnings.join('\n'),
          ).toBe(true);
          expect(who.stderr).toContain('skipped members/trudy.yaml:');
        }
      } else {
        // async.yaml defines the workspace: its defaults stand in, and every command says why.
        expect(who.stdout.split('\n')[0]).toContain(read ? 'Platform' : 'alice');
        if (!read) {
          expect(
            warnings.some((w) => w.startsWith('async.yaml: ')),
            warnings.join('\n'),
          ).toBe(true);
          expect(who.stderr).toMatch(/^warning: async\.yaml: .*; using the defaults\.$/m);
        }
      }
      if (read) expect(warnings).toEqual([]);

      // Nothing ran, nothing was constructed, no prototype was touched.
      expect(existsSync(canary)).toBe(false);
      expect(existsSync(join(team.alice, 'pwned'))).toBe(false);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
      expect(Object.prototype).not.toHaveProperty('prototype');
    } finally {
      team.box.cleanup();
    }
  });

  it('a %YAML 1.1 member file keeps 17:00 and no as text', async () => {
    const team = copyTeam(template);
    try {
      attack(team, [
        {
          path: 'members/trudy.yaml',
          content: '%YAML 1.1\n---\nhandle: trudy\nname: 17:00\ntz: UTC\naway: [{from: 2026-12-01, note: no}]\n',
        },
      ]);
      await asVictim(team, ['catchup', '--peek']);
      const list = await asVictim(team, ['member', 'list', '--json']);
      const trudy = JSON.parse(list.stdout).members.find((m: { handle: string }) => m.handle === 'trudy');
      expect(trudy).toMatchObject({ name: '17:00', away: [{ from: '2026-12-01', to: '2026-12-01', note: 'no' }] });
    } finally {
      team.box.cleanup();
    }
  });

  it('a %YAML 1.1 async.yaml keeps its team name as text', async () => {
    const team = copyTeam(template);
    try {
      attack(team, [{ path: 'async.yaml', content: '%YAML 1.1\n---\nteam: 17:00\ndefaults:\n  hours: 10:00-18:00\n' }]);
      await asVictim(team, ['catchup', '--peek']);
      const who = await asVictim(team, ['who']);
      expect(who.stderr).toBe('');
      expect(who.stdout.split('\n')[0]).toMatch(/^17:00 · /);
    } finally {
      team.box.cleanup();
    }
  });
});
