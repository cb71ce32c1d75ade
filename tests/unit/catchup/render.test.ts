import { describe, expect, test } from 'vitest';
import { selectCatchup, type CatchupView } from '../../../src/core/catchup.js';
import { presenceOf } from '../../../src/core/presence.js';
import type { Entry, Member } from '../../../src/core/types.js';
import { catchupJson, jsonText, renderCatchupMarkdown, renderCatchupText } from '../../../src/ui/catchup.js';
import { loadStyle, plain } from '../../../src/ui/color.js';

const colored = await loadStyle(true);
const makeStyle = (enabled: boolean) => (enabled ? colored : plain);
import { NOW, TEAM, at, entry } from './fixtures.js';

const bob = TEAM[0]!;

const handoff = entry('20261123T220000Z-alice-k3f9', {
  kind: 'handoff',
  author: 'alice',
  created: '2026-11-23T17:00:00-05:00',
  to: ['bob', 'carol'],
  asks: ['Run the migration on staging before 10:00 your time', 'Tell @carol when done'],
  done: ['Shipped the retry logic'],
  notes: 'The script is idempotent.\n\nRollback: `make down`.\n',
  links: ['https://example.com/pr/42'],
});
const blocker = entry('20261124T090000Z-dave-a1b2', {
  author: 'dave',
  created: '2026-11-24T09:00:00+00:00',
  blockers: ['Staging DB is read-only, need @bob to restore write access'],
  next: ['Finish the release notes'],
});
const mention = entry('20261124T010000Z-carol-c3d4', {
  author: 'carol',
  created: '2026-11-24T10:00:00+09:00',
  notes: 'Reviewed, thanks @bob',
});
const mySent = entry('20261123T150000Z-bob-e5f6', {
  kind: 'handoff',
  author: 'bob',
  created: '2026-11-23T16:00:00+01:00',
  to: ['erin'],
  asks: ['Deploy the worker'],
});
const myUnacked = entry('20261122T160000Z-bob-g7h8', {
  kind: 'handoff',
  author: 'bob',
  created: '2026-11-22T17:00:00+01:00',
  to: ['carol'],
  asks: ['Rotate the keys'],
});
const erinAck = entry('20261124T100000Z-erin-i9j0', {
  kind: 'ack',
  author: 'erin',
  created: '2026-11-24T02:00:00-08:00',
  ref: mySent.id,
  notes: 'On it.',
});
const daveUpdate = entry('20261124T080000Z-dave-k1l2', {
  author: 'dave',
  created: '2026-11-24T08:00:00+00:00',
  done: ['Release checklist'],
  tags: ['release'],
});
const oldToMe = entry('20261120T140000Z-alice-m3n4', {
  kind: 'handoff',
  author: 'alice',
  created: '2026-11-20T09:00:00-05:00',
  to: ['bob'],
  asks: ['Look at the flaky test'],
});

function scenario(fresh: Entry[] = [handoff, blocker, mention, erinAck, daveUpdate]): CatchupView {
  return selectCatchup({ me: 'bob', now: NOW, since: at('2026-11-23T17:00:00Z'), fresh, recent: [mySent, myUnacked, oldToMe, ...fresh] });
}

const options = (members: readonly Member[] = TEAM) => ({
  reader: bob,
  members,
  now: NOW,
  presence: presenceOf(members, NOW, 'bob'),
});

describe('text', () => {
  test('colour off: the whole catchup', () => {
    expect(renderCatchupText(scenario(), { ...options(), style: makeStyle(false) })).toMatchInlineSnapshot(`
      "Catchup for bob · since Mon 23 Nov 18:00 (18h 30m ago) · 5 new

      Handed to you (1)
        alice · handoff → you, carol · Mon 23:00 · 13h 30m ago · 17:00 their time
          asks    ☐ Run the migration on staging before 10:00 your time
                  ☐ Tell @carol when done
          done    Shipped the retry logic
          notes   The script is idempotent.

                  Rollback: \`make down\`.
          links   https://example.com/pr/42
          ack     async ack 20261123T220000Z-alice-k3f9

      Blockers (1)
        dave · update · 10:00 · 2h 30m ago · 09:00 their time · names you
          next    Finish the release notes
          blocked Staging DB is read-only, need @bob to restore write access

      Mentions you (1)
        carol · update · 02:00 · 10h 30m ago · 10:00 their time
          notes   Reviewed, thanks @bob

      Everyone else
        erin
          acknowledged your handoff · 11:00 · 1h 30m ago · 02:00 their time
            re      Mon 16:00 · “Deploy the worker”
            notes   On it.

        dave Dave Lister
          update · 09:00 · 3h 30m ago · 08:00 their time · #release
            done    Release checklist

      Still waiting for your ack
        alice · Fri 15:00 · 3d 22h ago · “Look at the flaky test” · async ack 20261120T140000Z-alice-m3n4

      Your handoffs nobody has acknowledged
        → carol · Sun 17:00 · waiting 1d 20h · “Rotate the keys”

      Around (your time, Europe/Berlin)
        online  dave until 17:00
        next    alice 15:00 (in 2h 30m), erin 18:00 (in 5h 30m), carol Wed 01:00 (in 12h 30m)
      "
    `);
  });

  test('nothing new says so in one line, then the footer', () => {
    const view = selectCatchup({ me: 'bob', now: NOW, since: at('2026-11-24T09:30:00Z'), fresh: [], recent: [] });
    expect(renderCatchupText(view, { ...options(), style: makeStyle(false) })).toMatchInlineSnapshot(`
      "Nothing new since Tue 24 Nov 10:30 (2h ago). You're all caught up.

      Around (your time, Europe/Berlin)
        online  dave until 17:00
        next    alice 15:00 (in 2h 30m), erin 18:00 (in 5h 30m), carol Wed 01:00 (in 12h 30m)
      "
    `);
  });

  test('colour on paints; colour off does not', () => {
    expect(renderCatchupText(scenario(), { ...options(), style: makeStyle(true) })).toContain('\u001b[');
    expect(renderCatchupText(scenario(), { ...options(), style: makeStyle(false) })).not.toContain('\u001b');
  });

  test('the author clock shows the other day when it was one for them', () => {
    const late = entry('20261124T000000Z-erin-p1q2', { author: 'erin', created: '2026-11-23T16:00:00-08:00', done: ['x'] });
    const text = renderCatchupText(scenario([late]), { ...options(), style: makeStyle(false) });
    expect(text).toContain('01:00 · 11h 30m ago · Mon 16:00 their time');
  });
});

describe('markdown', () => {
  test('the whole digest', () => {
    expect(renderCatchupMarkdown(scenario(), options())).toMatchInlineSnapshot(`
      "# Catchup for bob

      Mon 23 Nov 18:00 UTC+1 to Tue 24 Nov 12:30 UTC+1 · 5 new entries

      ## Handed to you

      - **alice** · handoff → you, carol · Mon 23 Nov 23:00 UTC+1 (17:00 their time)
        - [ ] Run the migration on staging before 10:00 your time
        - [ ] Tell @carol when done
        - Done: Shipped the retry logic
        - Links: https://example.com/pr/42
        - Notes:

          The script is idempotent.

          Rollback: \`make down\`.
        - Acknowledge: \`async ack 20261123T220000Z-alice-k3f9\`

      ## Blockers

      - **dave** · update · Tue 24 Nov 10:00 UTC+1 (09:00 their time)
        - Next: Finish the release notes
        - Blocked: Staging DB is read-only, need @bob to restore write access

      ## Mentions you

      - **carol** · update · Tue 24 Nov 02:00 UTC+1 (10:00 their time)
        - Notes:

          Reviewed, thanks @bob

      ## Everyone else

      ### erin

      - acknowledged your handoff · Tue 24 Nov 11:00 UTC+1 (02:00 their time)
        - Re: Mon 23 Nov 16:00 UTC+1 (“Deploy the worker”)
        - Notes:

          On it.

      ### dave (Dave Lister)

      - update · Tue 24 Nov 09:00 UTC+1 (08:00 their time) · #release
        - Done: Release checklist

      ## Waiting and around

      - alice's handoff of Fri 20 Nov 15:00 UTC+1 (“Look at the flaky test”) still waits for your ack: \`async ack 20261120T140000Z-alice-m3n4\`
      - Your handoff to carol of Sun 22 Nov 17:00 UTC+1 (“Rotate the keys”) has waited 1d 20h for an ack
      - Online now: dave until Tue 24 Nov 17:00 UTC+1
      - Online next: alice at Tue 24 Nov 15:00 UTC+1, erin at Tue 24 Nov 18:00 UTC+1, carol at Wed 25 Nov 01:00 UTC+1
      "
    `);
  });

  test('a note cannot leave its list item', () => {
    const sneaky = entry('20261124T050000Z-dave-r3s4', {
      author: 'dave',
      created: '2026-11-24T05:00:00Z',
      notes: '```\n# Not a heading\n<!--\n- not a top-level item',
    });
    const md = renderCatchupMarkdown(scenario([sneaky]), options());
    for (const line of ['    ```', '    # Not a heading', '    <!--', '    - not a top-level item']) expect(md.split('\n')).toContain(line);
  });
});

describe('hostile text', () => {
  const ESC = '\u001b';
  const evil = [
    `${ESC}[2J${ESC}[H`, // clear screen, cursor home
    `${ESC}]0;pwned\u0007`, // window title
    `${ESC}]8;;https://evil.example${ESC}\\click${ESC}]8;;${ESC}\\`, // hyperlink
    `${ESC}]52;c;cm0gLXJmIH4=\u0007`, // clipboard
    `${ESC}P+q${ESC}\\`, // DCS
    '\u009b31m', // 8-bit CSI
    'safe\rOVERWRITTEN', // carriage return
    'abc\b\b\bxyz', // backspaces
    '\u202eevil\u202c \u2066isolate\u2069', // bidi override and isolate
    `${ESC}`, // bare ESC
  ].join(' ');
  const hostileMember: Member = { ...TEAM[2]!, name: `Carol ${evil}` };
  const members = [...TEAM.filter((m) => m.handle !== 'carol'), hostileMember];
  const entries: Entry[] = [
    entry('20261124T020000Z-carol-t5u6', {
      kind: 'handoff',
      author: 'carol',
      created: '2026-11-24T02:00:00Z',
      tz: `Asia/Tokyo${ESC}[31m`,
      to: ['bob', evil],
      asks: [evil],
      done: [evil],
      next: [evil],
      blockers: [evil],
      links: [evil],
      tags: [evil],
      notes: `${evil}\n${evil}`,
    }),
    entry(`x; rm -rf ~ ${evil}`, { kind: 'handoff', author: 'carol', created: '2026-11-24T03:00:00Z', to: ['bob'], notes: evil }),
    entry('20261124T040000Z-carol-v7w8', { author: 'carol', created: '2026-11-24T04:00:00Z', notes: evil }),
  ];
  const view = scenario(entries);
  // Control characters, C1 controls, and bidi embeddings, overrides and isolates.
  const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;
  const SGR = /\u001b\[[0-9;]*m/g;

  test.each([
    ['text, colour off', renderCatchupText(view, { ...options(members), style: makeStyle(false) })],
    [
      'text, colour on (once our own SGR codes are removed)',
      renderCatchupText(view, { ...options(members), style: makeStyle(true) }).replace(SGR, ''),
    ],
    ['markdown', renderCatchupMarkdown(view, options(members))],
  ])('%s comes out inert', (_name, output) => {
    expect(output).not.toMatch(UNSAFE);
    expect(output).toContain('␛[2J'); // still readable, not deleted
    expect(output).toContain('<U+202E>evil');
    expect(output).not.toMatch(/async ack x;/);
  });

  test('markdown never carries ANSI, even with hostile text', () => {
    expect(renderCatchupMarkdown(view, options(members))).not.toContain('\u001b');
  });

  test('json keeps the raw strings, escaped so that printing the document is inert', () => {
    const json = jsonText(catchupJson(view, []));
    expect(JSON.parse(json).entries[0].notes).toBe(`${evil}\n${evil}`);
    expect(json).not.toMatch(UNSAFE);
    expect(json).toContain('\\u009b31m');
    expect(json).toContain('\\u202eevil');
  });
});

describe('json', () => {
  test('keys, order and ids', () => {
    const json = catchupJson(scenario(), ['a warning']);
    expect(Object.keys(json)).toEqual([
      'since',
      'until',
      'entries',
      'handoffsToYou',
      'blockers',
      'mentions',
      'decisions',
      'openDecisions',
      'superseded',
      'unacknowledgedSent',
      'pendingToYou',
      'acknowledgedToYou',
      'overdue',
      'openBlockers',
      'escalated',
      'warnings',
    ]);
    expect(json.since).toBe('2026-11-23T17:00:00Z');
    expect(json.until).toBe('2026-11-24T11:30:00Z');
    expect(json.entries.map((e) => e.id)).toEqual([handoff.id, blocker.id, mention.id, erinAck.id, daveUpdate.id]);
    expect(Object.keys(json.entries[0]!)).toEqual([
      'id',
      'kind',
      'author',
      'created',
      'tz',
      'done',
      'next',
      'blockers',
      'to',
      'asks',
      'ref',
      'supersedes',
      'links',
      'tags',
      'notes',
    ]);
    expect(json.entries[0]).toMatchObject({
      kind: 'handoff',
      created: '2026-11-23T17:00:00-05:00',
      tz: 'America/New_York',
      ref: null,
      to: ['bob', 'carol'],
    });
    expect(json.entries[3]).toMatchObject({ kind: 'ack', ref: mySent.id });
    expect(json.handoffsToYou).toEqual([handoff.id]);
    expect(json.blockers).toEqual([blocker.id]);
    // Sets over the shown entries (SPEC §4): the handoff addresses bob, the blocker names him.
    expect(json.mentions).toEqual([handoff.id, blocker.id, mention.id]);
    expect(json.unacknowledgedSent).toEqual([myUnacked.id]);
    expect(json.pendingToYou).toEqual([oldToMe.id]);
    expect(json.acknowledgedToYou).toEqual([erinAck.id]);
    expect(json.warnings).toEqual(['a warning']);
  });
});
