/**
 * Threat: a teammate writes terminal escape sequences or invisible characters into any field they
 * control, hoping the victim's terminal acts on them (clears the screen, retitles the window,
 * plants a clipboard payload, hides or reorders text).
 * Expected: every view prints them inert and visible, the surrounding text is still there, JSON
 * escapes them and keeps the data as written.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanitizeBlock, sanitizeInline } from '../../src/ui/sanitize.js';
import { runInProcess, type RunResult } from '../helpers/cli.js';
import {
  NOW,
  asVictim,
  attack,
  buildTeam,
  copyTeam,
  entryPath,
  entryText,
  expectInert,
  rawControls,
  yq,
  type Team,
} from '../helpers/hostile.js';

const ESC = '\u001b';
const BEL = '\u0007';
const ST = `${ESC}\\`;

// [class, the escape]: every class a terminal acts on, 7-bit and 8-bit, and the invisibles.
const ESCAPES: [string, string][] = [
  ['CSI colour', `${ESC}[31;1mRED${ESC}[0m`],
  ['CSI clear screen and home', `${ESC}[2J${ESC}[H`],
  ['CSI cursor up, erase line', `${ESC}[1A${ESC}[2K`],
  ['CSI cursor position', `${ESC}[10;20H`],
  ['OSC window title, BEL', `${ESC}]0;pwned${BEL}`],
  ['OSC window title, ST', `${ESC}]0;pwned${ST}`],
  ['OSC 8 hyperlink', `${ESC}]8;;https://evil.example/${BEL}click${ESC}]8;;${BEL}`],
  ['OSC 8 hyperlink, ST', `${ESC}]8;;https://evil.example/${ST}click${ESC}]8;;${ST}`],
  ['OSC 52 clipboard, BEL', `${ESC}]52;c;cm0gLXJmIH4=${BEL}`],
  ['OSC 52 clipboard, ST', `${ESC}]52;c;cm0gLXJmIH4=${ST}`],
  ['DCS', `${ESC}P+q544e${ST}`],
  ['SOS', `${ESC}Xhidden${ST}`],
  ['PM', `${ESC}^hidden${ST}`],
  ['APC', `${ESC}_hidden${ST}`],
  ['8-bit CSI', '\u009b2J'],
  ['8-bit OSC with 8-bit ST', '\u009d0;pwned\u009c'],
  ['8-bit DCS', '\u0090payload\u009c'],
  ['single C1 byte NEL', '\u0085'],
  ['bare ESC', ESC],
  ['ESC c (full reset)', `${ESC}c`],
  ['NUL, BEL, DEL', `\u0000${BEL}\u007f`],
  ['carriage return overwrite', '\rFAKE'],
  ['backspace overwrite', '\b\b\b\bFAKE'],
  ['bidi override RLO/PDF', '\u202egnp.exe\u202c'],
  ['bidi embeddings LRE/RLE', '\u202aA\u202bB\u202c'],
  ['bidi isolates', '\u2066a\u2067b\u2068c\u2069'],
  ['LRM, RLM, ALM', '\u200e\u200f\u061c'],
  ['zero-width space, joiner, non-joiner', '\u200b\u200d\u200c'],
  ['word joiner, BOM', '\u2060\ufeff'],
  ['line and paragraph separators', '\u2028\u2029'],
  ['soft hyphen, grapheme joiner, Mongolian separator', '\u00ad\u034f\u180e'],
  ['blank-looking fillers (Hangul)', '\u3164\u115f\uffa0'],
  ['invisible tag characters', '\u{e0041}\u{e0042}\u{e007f}'],
  ['interlinear annotation', '\ufff9hidden\ufffa\ufffb'],
];

/** `field<escape>field`: the field's own name on both sides shows the surrounding text survived. */
const payload = (field: string, sequence: string) => `${field}<${sequence}>${field}`;
const shown = (field: string, sequence: string) => sanitizeInline(payload(field, sequence));
/** File names hold no "/" or NUL; everything else goes. */
const asFileName = (text: string) => text.replace(/[/\0]/g, '_');

const HANDOFF = '20261124T100000Z-mallory-hand';
const UPDATE = '20261124T100500Z-mallory-upda';
const BAD_TO = '20261124T101000Z-mallory-badt';

/** One commit that puts the escape into every field mallory controls. */
function everything(sequence: string) {
  const p = (field: string) => payload(field, sequence);
  const list = (...fields: string[]) => `[${fields.map((f) => yq(p(f))).join(', ')}]`;
  return [
    {
      path: entryPath(HANDOFF),
      content: entryText({
        id: HANDOFF,
        kind: 'handoff',
        yaml: [
          `tz: ${yq(p('tz'))}`,
          'to: [alice]',
          `asks: ${list('ask')}`,
          `done: ${list('done')}`,
          `next: ${list('next')}`,
          `blockers: ${list('blocker')}`,
          `links: ${list('link')}`,
          `tags: ${list('tag')}`,
        ],
        notes: `Notes start.\n${p('notes')}\nNotes end.`,
      }),
    },
    { path: entryPath(UPDATE), content: entryText({ id: UPDATE, yaml: [`done: ${list('rest')}`] }) },
    { path: entryPath(BAD_TO), content: entryText({ id: BAD_TO, kind: 'handoff', yaml: [`to: [${yq(p('to'))}]`, 'asks: [x]'] }) },
    { path: `entries/2026/11/24/${asFileName(p('fname'))}.md`, content: entryText({ id: '20261124T100700Z-mallory-file' }) },
    {
      path: 'members/mallory.yaml',
      content: `handle: mallory\nname: ${yq(p('name'))}\ntz: UTC\nhours: "00:00-23:59"\nworkdays: [mon, tue, wed, thu, fri, sat, sun]\naway: [{from: 2026-12-01, to: 2026-12-02, note: ${yq(p('away'))}}]\n`,
    },
    { path: 'members/eve.yaml', content: `handle: eve\nname: Eve\nemail: ${yq(`${p('email')}@evil.example`)}\ntz: UTC\n` },
    { path: 'members/trudy.yaml', content: `handle: trudy\ntz: ${yq(p('zone'))}\n` },
    { path: 'members/oscar.yaml', content: `handle: ${yq(p('handle'))}\ntz: UTC\n` },
    { path: `members/${asFileName(p('mfile'))}.yaml`, content: 'tz: UTC\n' },
    { path: 'async.yaml', content: `team: ${yq(p('team'))}\ndefaults:\n  hours: "09:00-17:00"\n` },
  ];
}

/** Each view the victim can ask for, after one pull. */
const VIEWS: [string, string[]][] = [
  ['catchup', ['catchup', '--peek', '--no-pull']],
  ['catchup --markdown', ['catchup', '--peek', '--no-pull', '--markdown']],
  ['catchup --json', ['catchup', '--peek', '--no-pull', '--json']],
  ['who', ['who']],
  ['who --json', ['who', '--json']],
  ['next', ['next']],
  ['next --json', ['next', '--json']],
  ['member list', ['member', 'list']],
  ['member list --json', ['member', 'list', '--json']],
  ['who --timeline', ['who', '--timeline']],
  ['overlap', ['overlap']],
  ['overlap --json', ['overlap', '--json']],
  ['log', ['log']],
  ['log --markdown', ['log', '--markdown']],
  ['log --json', ['log', '--json']],
  ['show', ['show', HANDOFF]],
  ['show --json', ['show', HANDOFF, '--json']],
  ['status', ['status']],
  ['status --json', ['status', '--json']],
];

/** What each human view must still show of the fields, sanitised. */
const VISIBLE: Record<string, string[]> = {
  catchup: ['notes', 'ask', 'done', 'next', 'blocker', 'link', 'tag', 'rest', 'name'],
  'catchup --markdown': ['notes', 'ask', 'done', 'next', 'blocker', 'link', 'tag', 'rest', 'name'],
  who: ['name'],
  next: ['name'],
  'member list': ['name'],
  // A log line is the kind's summary: a handoff's first ask, an update's first done item.
  log: ['ask', 'tag', 'rest'],
  'log --markdown': ['notes', 'ask', 'done', 'next', 'blocker', 'link', 'tag', 'rest'],
  show: ['notes', 'ask', 'done', 'next', 'blocker', 'link', 'tag'],
};
/** Warnings that must name each skipped file, inert: by its path, or by the hostile name itself. */
function namedInWarnings(sequence: string): string[] {
  return [
    // The team name is a label commands print as they go: one holding controls is refused.
    `async.yaml: team "team<`,
    `skipped entries/2026/11/24/${sanitizeInline(asFileName(payload('fname', sequence)))}.md`,
    `skipped members/${sanitizeInline(asFileName(payload('mfile', sequence)))}.yaml`,
    `skipped ${entryPath(BAD_TO)}`,
    'skipped members/trudy.yaml',
    'skipped members/oscar.yaml',
  ];
}
const WARNS_IN: Record<string, 'stdout' | 'stderr'> = {
  // catchup warns on stderr, before the content, and never pastes warnings into a digest.
  catchup: 'stderr',
  'catchup --markdown': 'stderr',
  who: 'stderr',
  next: 'stderr',
  'member list': 'stderr',
  'who --timeline': 'stderr',
  overlap: 'stderr',
  log: 'stdout',
  'log --markdown': 'stderr',
};

let template: Team;
beforeAll(async () => {
  template = await buildTeam();
});
afterAll(() => template.box.cleanup());

/** The first catchup pulls (and reads the roster it had before): inert too. Then every view. */
async function views(team: Team): Promise<Record<string, RunResult>> {
  const pull = await asVictim(team, ['catchup', '--peek']);
  expect(pull.code, pull.stderr).toBe(0);
  expectInert(pull, 'first catchup');
  const out: Record<string, RunResult> = {};
  for (const [name, argv] of VIEWS) out[name] = await asVictim(team, argv);
  return out;
}

describe('terminal injection through every field a teammate controls', () => {
  it.each(ESCAPES)('%s: inert and visible in every view, data kept in JSON', async (_name, sequence) => {
    const team = copyTeam(template);
    try {
      attack(team, everything(sequence));
      const results = await views(team);
      for (const [name, result] of Object.entries(results)) {
        expect(result.code, `${name}: ${result.stderr}`).toBe(0);
        expectInert(result, name);
        for (const field of VISIBLE[name] ?? []) {
          if (field !== 'notes') expect(result.stdout, `${name} shows ${field}`).toContain(shown(field, sequence));
        }
        if (VISIBLE[name]?.includes('notes')) {
          // Notes keep their line breaks (a lone \r is one): each line is there, sanitised.
          for (const line of sanitizeBlock(payload('notes', sequence).replace(/\r\n?/g, '\n')).split('\n')) {
            expect(result.stdout, `${name} shows notes`).toContain(line);
          }
        }
        const stream = WARNS_IN[name];
        if (stream) {
          const warnings = /^(catchup|log)/.test(name)
            ? namedInWarnings(sequence)
            : namedInWarnings(sequence).filter((w) => !w.includes('entries/'));
          for (const warning of warnings) expect(result[stream], `${name} warns`).toContain(warning);
        }
      }

      const catchup = JSON.parse(results['catchup --json']!.stdout);
      const handoff = catchup.entries.find((e: { id: string }) => e.id === HANDOFF);
      expect(handoff).toMatchObject({
        asks: [payload('ask', sequence)],
        done: [payload('done', sequence)],
        next: [payload('next', sequence)],
        blockers: [payload('blocker', sequence)],
        links: [payload('link', sequence)],
        tags: [payload('tag', sequence)],
        tz: '',
      });
      // The body is Markdown: line endings are normalised, nothing else is touched.
      expect(handoff.notes).toBe(`Notes start.\n${payload('notes', sequence).replace(/\r\n?/g, '\n')}\nNotes end.`);
      expect(catchup.handoffsToYou).toEqual([HANDOFF]);
      for (const warning of namedInWarnings(sequence)) expect(catchup.warnings.join('\n')).toContain(warning);

      // log and show --json carry the same entry object, data as written.
      const logged = JSON.parse(results['log --json']!.stdout).entries.find((e: { id: string }) => e.id === HANDOFF);
      expect(logged).toEqual(handoff);
      expect(JSON.parse(results['show --json']!.stdout)).toMatchObject(handoff);
      expect(JSON.parse(results['status --json']!.stdout).handoffsWaiting).toEqual([HANDOFF]);

      const who = JSON.parse(results['who --json']!.stdout);
      expect(who.members.find((m: { handle: string }) => m.handle === 'mallory').name).toBe(payload('name', sequence));
      const members = JSON.parse(results['member list --json']!.stdout);
      expect(members.members.find((m: { handle: string }) => m.handle === 'mallory').away[0].note).toBe(payload('away', sequence));
      expect(JSON.parse(results['next --json']!.stdout).recipients.map((r: { handle: string }) => r.handle)).toContain('mallory');

      // The team name is refused (its folder names the team instead), as the who header shows.
      expect(results.who!.stdout.split('\n')[0]).toMatch(/^alice · /);

      // Joining, and writing in, a hostile workspace print nothing raw either.
      const join = await runInProcess(['join', team.remote, 'zed', '--as', 'zed', '--tz', 'UTC'], {
        cwd: team.box.dir,
        env: team.box.env,
        now: NOW,
      });
      expect(join.code, join.stderr).toBe(0);
      expectInert(join, 'join');
      const ack = await asVictim(team, ['ack', HANDOFF, '--no-push']);
      expect(ack.code, ack.stderr).toBe(0);
      expectInert(ack, 'ack');
      const update = await asVictim(team, ['update', '--done', 'read the handoff', '--no-push']);
      expect(update.code, update.stderr).toBe(0);
      expectInert(update, 'update');
    } finally {
      team.box.cleanup();
    }
  });

  it("colour stays around sanitised text: FORCE_COLOR adds our escapes, never the teammate's", async () => {
    const team = copyTeam(template);
    try {
      attack(team, everything(`${ESC}]0;pwned${BEL}${ESC}[2J`));
      const result = await asVictim(team, ['catchup', '--peek'], { FORCE_COLOR: '1' });
      expect(result.code).toBe(0);
      // Our own colours are SGR sequences only; no other sequence and no raw OSC reaches stdout.
      const withoutSgr = result.stdout.replace(/\u001b\[[0-9;]*m/g, '');
      expect(rawControls(withoutSgr)).toEqual([]);
      expect(result.stdout).toContain('␛]0;pwned␇␛[2J');
    } finally {
      team.box.cleanup();
    }
  });
});

describe('sequence sequences in names the victim types back', () => {
  it.each([
    ['ack with an id holding an sequence', ['ack', `2026${ESC}[2J`]],
    ['--as with an sequence', ['who', '--as', `x${ESC}]0;pwned${BEL}`]],
    ['--author with an sequence', ['catchup', '--peek', '--no-pull', '--author', `x${ESC}[2J`]],
  ])('%s: the error quotes it inert', async (_name, argv) => {
    const team = copyTeam(template);
    try {
      const result = await asVictim(team, argv);
      expectInert(result);
    } finally {
      team.box.cleanup();
    }
  });
});
