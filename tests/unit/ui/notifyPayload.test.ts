import { describe, expect, it } from 'vitest';
import type { Entry } from '../../../src/core/types.js';
import { entry as fixture } from '../catchup/fixtures.js';
import {
  escapeMarkdown,
  escapeMattermost,
  escapeSlack,
  escapeTeams,
  messageLine,
  notifyMessage,
  notifyPayload,
  shortText,
  SUMMARY_MAX,
} from '../../../src/ui/notifyPayload.js';

/** A handoff by alice unless the fields say otherwise (the shared fixture, one id). */
const entry = (fields: Partial<Entry>): Entry =>
  fixture('20261124T120000Z-alice-a1b2', { kind: 'handoff', author: 'alice', created: '2026-11-24T12:00:00Z', ...fields });

const HOSTILE = '<!channel> @everyone @here <@U123> [x](http://evil) <http://evil|ok> & *b* `c`';

describe('the message line', () => {
  it.each([
    [
      'a handoff names its recipients and its first ask',
      entry({ to: ['bob', 'carol'], asks: ['Run the migration'] }),
      'handoff',
      'alice → bob, carol: handoff: Run the migration',
    ],
    ['more asks are counted', entry({ to: ['bob'], asks: ['one', 'two', 'three'] }), 'handoff', 'alice → bob: handoff: one (+2 more)'],
    [
      'no ask: the next item, then done, then the notes',
      entry({ to: ['bob'], next: ['deploy'] }),
      'handoff',
      'alice → bob: handoff: deploy',
    ],
    ['notes only', entry({ to: ['bob'], notes: '\nSee the doc\nmore' }), 'handoff', 'alice → bob: handoff: See the doc'],
    ['nothing to say', entry({ to: [] }), 'handoff', 'alice: handoff'],
    [
      'a blocker names no recipients',
      entry({ kind: 'update', to: [], blockers: ['DB down', 'VPN'] }),
      'blocker',
      'alice: blocker: DB down (+1 more)',
    ],
    ['a handoff posted as a blocker', entry({ to: ['bob'], blockers: ['DB down'] }), 'blocker', 'alice: blocker: DB down'],
    [
      'overdue',
      entry({ to: ['bob'], asks: ['Rotate keys'] }),
      'overdue',
      'alice → bob: overdue handoff, not acknowledged yet: Rotate keys',
    ],
    [
      'a decision with its status',
      entry({ kind: 'decision', decision: { title: 'Use Postgres', status: 'accepted', context: '', options: [], decision: 'yes' } }),
      'decision',
      'alice: decision (accepted): Use Postgres',
    ],
  ] as const)('%s', (_name, value, event, line) => {
    expect(messageLine(notifyMessage(value, event))).toBe(line);
  });

  it('is cut short, made printable and kept on one line', () => {
    expect([...shortText('x'.repeat(500))]).toHaveLength(SUMMARY_MAX);
    expect(shortText('x'.repeat(500)).endsWith('…')).toBe(true);
    expect(shortText('a\nb\u001b[31mc\u202e')).not.toMatch(/[\n\u001b\u202e]/);
    expect(shortText('😀'.repeat(200))).toBe(`${'😀'.repeat(SUMMARY_MAX - 1)}…`);
  });
});

describe('escaping per chat tool', () => {
  it.each([
    [escapeSlack, 'a & <!channel> <@U1> <http://x|y>', 'a &amp; &lt;!channel&gt; &lt;@U1&gt; &lt;http://x|y&gt;'],
    [
      escapeMarkdown,
      '[x](http://evil) *b* _i_ `c` ~s~ <u> # h | \\',
      '\\[x\\]\\(http://evil\\) \\*b\\* \\_i\\_ \\`c\\` \\~s\\~ \\<u\\> \\# h \\| \\\\',
    ],
    [escapeMattermost, '@channel @all @here @bob [x](y)', '@\u200dchannel @\u200dall @\u200dhere @\u200dbob \\[x\\]\\(y\\)'],
    [escapeTeams, '[x](http://evil) <http://evil>', '[x]\u200b(http://evil) <\u200bhttp://evil>'],
  ])('%o', (escapeFor, text, escaped) => {
    expect(escapeFor(text)).toBe(escaped);
  });
});

describe('notifyPayload', () => {
  const message = notifyMessage(entry({ to: ['bob'], asks: [HOSTILE], links: ['https://example.com/pr/1'] }), 'handoff');

  it('slack: {text}, nothing Slack would read as markup', () => {
    const { text } = notifyPayload('slack', message) as { text: string };
    expect(Object.keys(notifyPayload('slack', message) as object)).toEqual(['text']);
    expect(text).not.toMatch(/[<>]/);
    expect(text).toContain('&lt;!channel&gt;');
  });

  it('discord: {content, allowed_mentions: {parse: []}}, links escaped', () => {
    const body = notifyPayload('discord', message) as { content: string; allowed_mentions: unknown };
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.content).toContain('\\[x\\]\\(http://evil\\)');
    expect(body.content).not.toMatch(/(^|[^\\])\[x\]\(/);
  });

  it('mattermost: {text}, no mention parses', () => {
    const { text } = notifyPayload('mattermost', message) as { text: string };
    expect(text).not.toMatch(/@(channel|everyone|here|all)\b/);
    expect(text).toContain('@\u200deveryone');
  });

  it('teams: an Adaptive Card 1.4 message with one wrapping TextBlock', () => {
    const body = notifyPayload('teams', message) as {
      type: string;
      attachments: {
        contentType: string;
        content: { type: string; version: string; body: { type: string; text: string; wrap: boolean }[] };
      }[];
    };
    expect(body.type).toBe('message');
    expect(body.attachments).toHaveLength(1);
    expect(body.attachments[0]!.contentType).toBe('application/vnd.microsoft.card.adaptive');
    expect(body.attachments[0]!.content).toMatchObject({ type: 'AdaptiveCard', version: '1.4' });
    const [block] = body.attachments[0]!.content.body;
    expect(block).toMatchObject({ type: 'TextBlock', wrap: true });
    expect(block!.text).not.toContain('](');
  });

  it('json: the data, unescaped', () => {
    expect(notifyPayload('json', message)).toEqual({
      event: 'handoff',
      id: '20261124T120000Z-alice-a1b2',
      kind: 'handoff',
      author: 'alice',
      to: ['bob'],
      summary: HOSTILE,
      url: 'https://example.com/pr/1',
    });
  });
});
