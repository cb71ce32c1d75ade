import { describe, expect, it } from 'vitest';
import {
  DEFAULT_TEAM_DEFAULTS,
  escalateAfterMs,
  parseMemberFile,
  ackWithinMs,
  parseTeamSettings,
  serializeMember,
  serializeTeamSettings,
} from '../../../src/core/member.js';
import type { Member, TeamSettings } from '../../../src/core/types.js';

const DEFAULTS: TeamSettings['defaults'] = { hours: '08:00-16:00', workdays: ['sun', 'mon', 'tue', 'wed', 'thu'] };

const SPEC_MEMBER = `handle: alice          # [a-z0-9][a-z0-9_-]{0,31}; equals the file name
name: Alice Liddell
email: alice@example.com   # optional; used to recognise the local user from git config
tz: Europe/Berlin          # IANA zone name; anything else is rejected
hours: "09:00-17:30"       # local working window; may cross midnight ("22:00-06:00")
workdays: [mon, tue, wed, thu, fri]
away:                      # optional date ranges (inclusive, member's local dates)
  - { from: 2026-12-22, to: 2027-01-02, note: holidays }
`;

const alice: Member = {
  handle: 'alice',
  name: 'Alice Liddell',
  email: 'alice@example.com',
  tz: 'Europe/Berlin',
  hours: '09:00-17:30',
  window: { start: 9 * 60, end: 17 * 60 + 30 },
  workdays: ['mon', 'tue', 'wed', 'thu', 'fri'],
  away: [{ from: '2026-12-22', to: '2027-01-02', note: 'holidays' }],
};

describe('parseMemberFile', () => {
  it('reads the SPEC example, its hours parsed once into minutes', () => {
    expect(parseMemberFile(SPEC_MEMBER, 'alice', DEFAULTS)).toEqual({ ok: true, member: alice, extra: {} });
  });

  it.each<[string, string, Partial<Member>]>([
    [
      'team defaults fill hours and workdays',
      'tz: UTC',
      { handle: 'bob', name: 'bob', tz: 'UTC', hours: '08:00-16:00', workdays: DEFAULTS.workdays, away: [] },
    ],
    ['handle may be left out', 'name: Bob\ntz: UTC', { handle: 'bob', name: 'Bob' }],
    ['a night shift', 'tz: Asia/Kolkata\nhours: 22:00-06:00', { hours: '22:00-06:00' }],
    [
      'hours unquoted under a YAML 1.1 directive',
      '%YAML 1.1\n---\ntz: UTC\nhours: 17:00-18:00\nname: no',
      { hours: '17:00-18:00', name: 'no' },
    ],
    ['workdays as a string with a range', 'tz: Asia/Riyadh\nworkdays: sun-thu', { workdays: ['mon', 'tue', 'wed', 'thu', 'sun'] }],
    ['an empty email is no email', 'tz: UTC\nemail: ""', {}],
    ['an away range of one day', 'tz: UTC\naway:\n  - from: 2026-05-01', { away: [{ from: '2026-05-01', to: '2026-05-01' }] }],
    [
      'one away mapping, not in a list',
      'tz: UTC\naway: {from: 2026-05-01, to: 2026-05-03}',
      { away: [{ from: '2026-05-01', to: '2026-05-03' }] },
    ],
    ['a numeric name', 'tz: UTC\nname: 42', { name: '42' }],
    ['a blank name falls back to the handle', 'tz: UTC\nname: "  "', { name: 'bob' }],
  ])('%s', (_name, text, expected) => {
    const parsed = parseMemberFile(text, 'bob', DEFAULTS);
    expect(parsed).toMatchObject({ ok: true, member: expected });
    if (parsed.ok && !text.includes('email: a')) expect(parsed.member).not.toHaveProperty('email');
  });

  it('keeps unknown keys aside and never touches a prototype', () => {
    const parsed = parseMemberFile('tz: UTC\npronouns: they\n__proto__: {polluted: 1}\n', 'bob', DEFAULTS);
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect({ ...parsed.extra }).toEqual({ pronouns: 'they' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    ['a handle that is not the file name', 'handle: mallory\ntz: UTC', 'bob', /^handle "mallory" does not match the file name bob.yaml$/],
    ['a file name that is not a handle', 'tz: UTC', 'Bob', /file name is not a valid handle/],
    ['a reserved file name', 'tz: UTC', 'con', /file name is not a valid handle/],
    ['tz missing', 'name: Bob', 'bob', /^tz is missing$/],
    ['tz not IANA', 'tz: UTC+5:30', 'bob', /^tz "UTC\+5:30" is not an IANA time zone name$/],
    ['tz local', 'tz: local', 'bob', /not an IANA/],
    ['tz with trailing space', 'tz: "Europe/Berlin "', 'bob', /not an IANA/],
    ['hours malformed', 'tz: UTC\nhours: 9-5', 'bob', /^hours "9-5" is not HH:MM-HH:MM$/],
    ['hours a number', 'tz: UTC\nhours: 900', 'bob', /^hours 900 is not HH:MM-HH:MM$/],
    ['workdays not days', 'tz: UTC\nworkdays: [mon, funday]', 'bob', /^workdays a list is not a list of day names$/],
    ['workdays a mapping', 'tz: UTC\nworkdays: {mon: 1}', 'bob', /not a list of day names/],
    ['email not an address', 'tz: UTC\nemail: bob', 'bob', /^email "bob" is not an email address$/],
    ['email a list', 'tz: UTC\nemail: [a@b.c]', 'bob', /email a list/],
    ['away not mappings', 'tz: UTC\naway: [2026-05-01]', 'bob', /^away item 1 is not a mapping/],
    ['away from not a date', 'tz: UTC\naway: [{from: 2026-02-30}]', 'bob', /^away item 1 has from "2026-02-30"/],
    ['away to not a date', 'tz: UTC\naway: [{from: 2026-02-01, to: soon}]', 'bob', /has to "soon"/],
    [
      'away backwards',
      'tz: UTC\naway: [{from: 2026-05-03, to: 2026-05-01}]',
      'bob',
      /^away item 1 ends \(2026-05-01\) before it starts \(2026-05-03\)$/,
    ],
    ['not a mapping', '- tz: UTC', 'bob', /not a YAML mapping/],
    ['empty', '', 'bob', /not a YAML mapping/],
    ['duplicate keys', 'tz: UTC\ntz: Asia/Tokyo', 'bob', /duplicate key "tz"/],
    ['an alias bomb', 'a: &a [x,x,x,x,x,x,x,x]\nb: [*a,*a,*a,*a,*a,*a,*a]\ntz: UTC', 'bob', /alias/],
    ['a language tag', 'tz: !!python/object/apply:os.system [id]', 'bob', /tag/],
    ['a huge file', `tz: UTC\nname: "${'x'.repeat(100_000)}"`, 'bob', /too large/],
  ])('refuses %s', (_name, text, fileHandle, error) => {
    const parsed = parseMemberFile(text, fileHandle, DEFAULTS);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});

describe('serializeMember', () => {
  it('writes the SPEC layout, quoting what YAML 1.1 readers would misread', () => {
    expect(serializeMember(alice)).toBe(
      [
        'handle: alice',
        'name: Alice Liddell',
        'email: alice@example.com',
        'tz: Europe/Berlin',
        'hours: 09:00-17:30',
        'workdays: [ mon, tue, wed, thu, fri ]',
        'away:',
        '  - from: "2026-12-22"',
        '    to: "2027-01-02"',
        '    note: holidays',
        '',
      ].join('\n'),
    );
  });

  it('omits empty away and email, and keeps extra keys after the known ones', () => {
    const bob: Member = { handle: 'bob', name: 'no', tz: 'UTC', hours: '17:00-01:00', workdays: ['sat'], away: [] };
    const text = serializeMember(bob, { pronouns: 'he', handle: 'mallory' });
    expect(text).toBe('handle: bob\nname: "no"\ntz: UTC\nhours: 17:00-01:00\nworkdays: [ sat ]\npronouns: he\n');
  });

  it.each<[string, Member]>([
    ['the SPEC member', alice],
    [
      'a member with nasty text',
      { ...alice, name: 'Zoë "Z" O\'Brien: #1 — 東京\n---\ntz: UTC', away: [{ from: '2026-01-01', to: '2026-01-01', note: '- * & !x' }] },
    ],
    [
      'a member without extras',
      { handle: '0', name: '0', tz: 'Etc/GMT+5', hours: '00:00-24:00', window: { start: 0, end: 1440 }, workdays: ['sun'], away: [] },
    ],
  ])('round-trips %s', (_name, member) => {
    expect(parseMemberFile(serializeMember(member), member.handle, DEFAULTS)).toEqual({
      ok: true,
      member: { ...member, name: member.name.trim() },
      extra: {},
    });
  });
});

describe('parseTeamSettings', () => {
  it('reads the SPEC example', () => {
    const text =
      'team: Platform\ndefaults:            # used for members who do not set their own\n  hours: "09:00-17:00"\n  workdays: [mon, tue, wed, thu, fri]\n';
    expect(parseTeamSettings(text)).toEqual({
      settings: { team: 'Platform', defaults: DEFAULT_TEAM_DEFAULTS },
      warnings: [],
      errors: [],
      extra: {},
    });
  });

  it.each<[string, string, Partial<TeamSettings>, string[], string[]]>([
    ['defaults missing', 'team: Ops', { team: 'Ops', defaults: DEFAULT_TEAM_DEFAULTS }, [], []],
    [
      'own defaults',
      'team: Ops\ndefaults: {hours: 22:00-06:00, workdays: sun-thu}',
      { defaults: { hours: '22:00-06:00', workdays: ['mon', 'tue', 'wed', 'thu', 'sun'] } },
      [],
      [],
    ],
    [
      'a YAML 1.1 directive',
      '%YAML 1.1\n---\nteam: no\ndefaults: {hours: 17:00-18:00}',
      { team: 'no', defaults: { hours: '17:00-18:00', workdays: DEFAULT_TEAM_DEFAULTS.workdays } },
      [],
      [],
    ],
    ['a numeric team name', 'team: 42', { team: '42' }, [], []],
    ['team missing', 'defaults: {hours: 09:00-17:00}', { team: '' }, [], ['team is missing']],
    ['team a list', 'team: [a]', {}, [], ['team a list is not a name']],
    [
      'bad hours',
      'team: Ops\ndefaults: {hours: nine to five}',
      { defaults: DEFAULT_TEAM_DEFAULTS },
      [],
      ['defaults.hours "nine to five" is not HH:MM-HH:MM'],
    ],
    ['bad workdays', 'team: Ops\ndefaults: {workdays: [someday]}', {}, [], ['defaults.workdays a list is not a list of day names']],
    ['defaults not a mapping', 'team: Ops\ndefaults: weekdays', {}, [], ['defaults is not a mapping of hours and workdays']],
    ['unknown default', 'team: Ops\ndefaults: {tz: UTC}', {}, ['defaults.tz is not a setting and is ignored'], []],
    ['not a mapping', '- team', {}, [], ['it is not a YAML mapping']],
    ['empty file', '', {}, [], ['it is not a YAML mapping']],
    ['duplicate keys', 'team: a\nteam: b', {}, [], ['duplicate key "team" on line 2']],
    ['ackWithin', 'team: Ops\nackWithin: 1h30m', { ackWithin: '1h30m' }, [], []],
    ['ackWithin in minutes', 'team: Ops\nackWithin: 90m', { ackWithin: '90m' }, [], []],
    ['ackWithin a bare number is hours', 'team: Ops\nackWithin: 6', { ackWithin: '6h' }, [], []],
    [
      'bad ackWithin warns, the default stands',
      'team: Ops\nackWithin: soon',
      { team: 'Ops' },
      ['ackWithin "soon" is not a duration like 4h, 90m or 1h30m (at most 168h); using 4h'],
      [],
    ],
    [
      'ackWithin a list',
      'team: Ops\nackWithin: [4h]',
      {},
      ['ackWithin a list is not a duration like 4h, 90m or 1h30m (at most 168h); using 4h'],
      [],
    ],
  ])('%s', (_name, text, settings, warnings, errors) => {
    const parsed = parseTeamSettings(text);
    expect(parsed.settings).toMatchObject(settings);
    expect(parsed.warnings).toEqual(warnings);
    expect(parsed.errors).toEqual(errors);
  });

  it('keeps unknown top-level keys for writing back', () => {
    const parsed = parseTeamSettings('team: Ops\nchannel: "#ops"\n');
    expect({ ...parsed.extra }).toEqual({ channel: '#ops' });
    expect(serializeTeamSettings(parsed.settings, parsed.extra)).toBe(
      'team: Ops\ndefaults:\n  hours: 09:00-17:00\n  workdays: [ mon, tue, wed, thu, fri ]\nchannel: "#ops"\n',
    );
  });

  it('ackWithin: in ms, the default when absent or unreadable', () => {
    expect(ackWithinMs(parseTeamSettings('team: Ops\nackWithin: 1h30m').settings)).toBe(90 * 60_000);
    expect(ackWithinMs(parseTeamSettings('team: Ops').settings)).toBe(4 * 3_600_000);
    expect(ackWithinMs(parseTeamSettings('team: Ops\nackWithin: 0h').settings)).toBe(4 * 3_600_000);
    expect(parseTeamSettings('team: Ops').settings.ackWithin).toBeUndefined();
  });

  it('round-trips ackWithin', () => {
    const settings: TeamSettings = { team: 'Ops', defaults: DEFAULT_TEAM_DEFAULTS, ackWithin: '2h' };
    expect(serializeTeamSettings(settings)).toContain('ackWithin: 2h\n');
    expect(parseTeamSettings(serializeTeamSettings(settings))).toEqual({ settings, warnings: [], errors: [], extra: {} });
  });

  it('round-trips', () => {
    const settings: TeamSettings = { team: 'Platform: "core" #1', defaults: { hours: '22:00-06:00', workdays: ['sat', 'sun'] } };
    expect(parseTeamSettings(serializeTeamSettings(settings))).toEqual({ settings, warnings: [], errors: [], extra: {} });
  });

  describe('escalateAfter', () => {
    it.each<[string, string, string | undefined, number, string[]]>([
      ['absent: the default 2d', 'team: Ops', undefined, 2 * 86_400_000, []],
      ['hours', 'team: Ops\nescalateAfter: 36h', '36h', 36 * 3_600_000, []],
      ['days', 'team: Ops\nescalateAfter: 3d', '3d', 3 * 86_400_000, []],
      [
        'a bad value is reported and the default stands in',
        'team: Ops\nescalateAfter: soon',
        undefined,
        2 * 86_400_000,
        ['escalateAfter "soon" is not a span such as 36h or 2d (default 2d)'],
      ],
      [
        'a number is not a span',
        'team: Ops\nescalateAfter: 2',
        undefined,
        2 * 86_400_000,
        ['escalateAfter 2 is not a span such as 36h or 2d (default 2d)'],
      ],
    ])('%s', (_name, text, value, ms, errors) => {
      const parsed = parseTeamSettings(text);
      expect(parsed.settings.escalateAfter).toBe(value);
      expect(escalateAfterMs(parsed.settings)).toBe(ms);
      expect(parsed.errors).toEqual(errors);
      expect(parsed.extra).not.toHaveProperty('escalateAfter');
    });

    it('round-trips', () => {
      const settings: TeamSettings = { team: 'Ops', defaults: DEFAULT_TEAM_DEFAULTS, escalateAfter: '36h' };
      const text = serializeTeamSettings(settings);
      expect(text).toContain('escalateAfter: 36h');
      expect(parseTeamSettings(text).settings).toEqual(settings);
    });
  });
});
