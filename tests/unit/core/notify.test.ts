import { describe, expect, it } from 'vitest';
import {
  checkHookUrl,
  decodeHooks,
  entryEvents,
  eventFor,
  guessFormat,
  maskHookUrl,
  NOTIFY_EVENTS,
  RETRY_AFTER_MAX_MS,
  retryDelayMs,
  statusVerdict,
} from '../../../src/core/notify.js';
import { InvalidInput } from '../../../src/core/invalid.js';
import type { Entry } from '../../../src/core/types.js';
import { entry as fixture } from '../catchup/fixtures.js';

/** A update by alice unless the fields say otherwise (the shared fixture, one id). */
const entry = (fields: Partial<Entry>): Entry =>
  fixture('20261124T120000Z-alice-a1b2', { kind: 'update', author: 'alice', created: '2026-11-24T12:00:00Z', ...fields });

describe('checkHookUrl', () => {
  it.each([
    ['https://hooks.slack.com/services/T/B/x', 'https://hooks.slack.com/services/T/B/x'],
    ['HTTPS://Hooks.Slack.com/services/T/B/x', 'https://hooks.slack.com/services/T/B/x'],
    ['http://127.0.0.1:8080/hook', 'http://127.0.0.1:8080/hook'],
  ])('%s → %s', (text, href) => {
    expect(checkHookUrl(text)).toBe(href);
  });

  it.each([
    ['not a url', /is not a URL/],
    ['ftp://example.com/x', /must start with https:\/\/ or http:\/\/ \(not ftp:\)/],
    ['file:///etc/passwd', /not file:/],
    ['javascript:alert(1)', /not javascript:/],
    ['https://user:pw@example.com/x', /must not carry a user name or password/],
  ])('%s is refused', (text, message) => {
    expect(() => checkHookUrl(text)).toThrow(InvalidInput);
    expect(() => checkHookUrl(text)).toThrow(message);
  });
});

describe('guessFormat', () => {
  it.each([
    ['https://hooks.slack.com/services/T/B/x', 'slack'],
    ['https://discord.com/api/webhooks/1/abc', 'discord'],
    ['https://discordapp.com/api/webhooks/1/abc', 'discord'],
    ['https://discord.com/channels/1', undefined],
    ['https://prod-12.westeurope.logic.azure.com:443/workflows/abc/triggers/manual/paths/invoke?sig=x', 'teams'],
    ['https://default123.0a.environment.api.powerplatform.com/powerautomate/automations/direct/x', 'teams'],
    ['https://contoso.webhook.office.com/webhookb2/x', 'teams'],
    ['https://logic.azure.com.evil.example/x', undefined],
    ['https://chat.example.com/hooks/abc', undefined],
  ])('%s → %s', (url, format) => {
    expect(guessFormat(url)).toBe(format);
  });
});

describe('maskHookUrl', () => {
  it.each([
    ['https://hooks.slack.com/services/T000/B000/XXXX', 'https://hooks.slack.com/services/****'],
    ['https://discord.com/api/webhooks/123/abc', 'https://discord.com/api/****'],
    ['https://x.logic.azure.com/workflows/abc/triggers?sig=secret', 'https://x.logic.azure.com/workflows/****?****'],
    ['http://127.0.0.1:9999/hook', 'http://127.0.0.1:9999/****'],
    ['https://example.com/', 'https://example.com/'],
    ['not a url', '****'],
  ])('%s → %s', (url, masked) => {
    expect(maskHookUrl(url)).toBe(masked);
  });
});

describe('entryEvents and eventFor', () => {
  const all = { on: [...NOTIFY_EVENTS] };
  it.each([
    ['a plain update', entry({ done: ['x'] }), []],
    ['an update with blockers', entry({ blockers: ['db down'] }), ['blocker']],
    ['a handoff', entry({ kind: 'handoff', to: ['bob'] }), ['handoff']],
    ['a handoff with blockers', entry({ kind: 'handoff', blockers: ['db'] }), ['handoff', 'blocker']],
    ['a decision', entry({ kind: 'decision' }), ['decision']],
    ['an ack', entry({ kind: 'ack', ref: 'x' }), []],
    ['a reply with blockers', entry({ kind: 'reply', blockers: ['y'] }), ['blocker']],
  ])('%s', (_name, value, events) => {
    expect(entryEvents(value)).toEqual(events);
    expect(eventFor(value, all)).toBe(events[0]);
  });

  it('a hook that wants only blockers hears of a handoff with blockers as a blocker; one that wants decisions hears nothing', () => {
    const handoff = entry({ kind: 'handoff', blockers: ['db'] });
    expect(eventFor(handoff, { on: ['blocker'] })).toBe('blocker');
    expect(eventFor(handoff, { on: ['decision'] })).toBeUndefined();
    expect(eventFor(handoff, { on: ['overdue'] })).toBeUndefined();
  });
});

describe('decodeHooks', () => {
  it('keeps the valid rows, normalises URLs, defaults events to all', () => {
    expect(
      decodeHooks([
        { url: 'https://Hooks.slack.com/services/a', format: 'slack' },
        { url: 'https://example.com/h', format: 'json', on: ['handoff', 'nonsense', 'handoff'] },
        { url: 'ftp://example.com/h', format: 'json' },
        { url: 'https://example.com/h', format: 'irc' },
        'junk',
        null,
      ]),
    ).toEqual([
      { url: 'https://hooks.slack.com/services/a', format: 'slack', on: ['handoff', 'blocker', 'overdue', 'decision'] },
      { url: 'https://example.com/h', format: 'json', on: ['handoff'] },
    ]);
    expect(decodeHooks({ url: 'x' })).toEqual([]);
    expect(decodeHooks(undefined)).toEqual([]);
  });
});

describe('retryDelayMs and statusVerdict', () => {
  const now = Date.parse('2026-11-24T12:00:00Z');
  it.each([
    [1, 500, null, 500],
    [2, 500, null, 1000],
    [1, 500, '2', 2000],
    [1, 500, '0', 500],
    [1, 500, '3600', RETRY_AFTER_MAX_MS],
    [1, 500, 'Tue, 24 Nov 2026 12:00:03 GMT', 3000],
    [1, 500, 'soon', 500],
    [3, 4000, null, RETRY_AFTER_MAX_MS],
  ])('attempt %i, base %i, Retry-After %s → %i ms', (attempt, base, header, ms) => {
    expect(retryDelayMs(attempt, base, header, now)).toBe(ms);
  });

  it.each([
    [200, 'sent'],
    [202, 'sent'],
    [204, 'sent'],
    [301, 'permanent'],
    [400, 'permanent'],
    [404, 'permanent'],
    [429, 'retry'],
    [500, 'retry'],
    [503, 'retry'],
  ])('HTTP %i → %s', (status, verdict) => {
    expect(statusVerdict(status)).toBe(verdict);
  });
});
