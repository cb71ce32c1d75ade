/**
 * `async site` in a real browser: the built binary writes the site of a team made with real git,
 * and headless Chromium loads it from disk. The page must compute who is online for any instant
 * (`?now=`) as `async who` does, list what is waiting, show a hostile entry as inert text, keep to
 * its CSP, request nothing off disk, work with JavaScript off and fit a phone.
 *
 * Threat: a teammate's entry carrying script, an event handler, a javascript: link and an image on
 * a server she watches. Expected: no script or image element, no dialog, and not one request to
 * the loopback server below, which stands in for hers.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleProblems, NO_BROWSER, offDisk, startBrowser, type PageLog, type TestBrowser } from '../helpers/browser.js';
import { makeTeam, type Team, writtenPath } from '../helpers/team.js';

/** Tuesday: Berlin 11:00 (working), New York 05:00, Tokyo 19:00. The site is built at this instant. */
const NOW = '2026-11-24T10:00:00Z';

/** Instants for `?now=`, and who works then (09:00-17:00 in Berlin and New York, 09:00-18:00 in Tokyo). */
const INSTANTS: [string, Record<string, boolean>][] = [
  [NOW, { alice: true, bob: false, chen: false }],
  ['2026-11-24T15:00:00Z', { alice: true, bob: true, chen: false }],
  ['2026-11-25T01:00:00Z', { alice: false, bob: false, chen: true }],
  // Thursday 10:00 in New York, but bob is away that day.
  ['2026-11-26T15:00:00Z', { alice: true, bob: false, chen: false }],
];

const HOSTILE_NOTE = (port: number) =>
  [
    'Hostile notes follow.',
    '',
    '<script>alert(1)</script>',
    '',
    '<img src=x onerror=alert(1)>',
    '',
    '[click me](javascript:alert(1))',
    '',
    `![pixel](http://127.0.0.1:${port}/pixel.png)`,
  ].join('\n');

describe.skipIf(NO_BROWSER)('async site, in Chromium', () => {
  let team: Team;
  let browser: TestBrowser;
  let server: Server;
  const hits: string[] = [];
  let out: string;
  const ids = { handoff: '', overdue: '', blocker: '', decision: '', hostile: '' };
  const logs: PageLog[] = [];
  const url = (file: string, query = '') => `${pathToFileURL(join(out, file)).href}${query}`;
  const open: TestBrowser['open'] = async (target, options) => {
    const opened = await browser.open(target, options);
    logs.push(opened.log);
    return opened;
  };
  const idOf = (stdout: string) => basename(writtenPath(stdout), '.md');

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;

    team = await makeTeam(
      [
        { handle: 'alice', tz: 'Europe/Berlin', hours: '09:00-17:00', name: 'Alice Liddell' },
        { handle: 'bob', tz: 'America/New_York', hours: '09:00-17:00', name: 'Bob Builder' },
        { handle: 'chen', tz: 'Asia/Tokyo', hours: '09:00-18:00', name: 'Chen Wei' },
      ],
      NOW,
    );
    const write = async (handle: string, argv: string[], at: string) => {
      const result = await team.run(handle, argv, at);
      if (result.code !== 0) throw new Error(`${argv[0]} failed: ${result.stderr}`);
      return result.stdout;
    };
    await write('bob', ['away', '2026-11-26'], '2026-11-23T15:00:00Z');
    // Monday, bob at work: one hour of his time to acknowledge, long past by NOW.
    ids.overdue = idOf(
      await write('alice', ['handoff', '--to', 'bob', '--ask', 'Rotate the staging keys', '--ack-within', '1h'], '2026-11-23T15:00:00Z'),
    );
    ids.blocker = idOf(
      await write(
        'bob',
        ['update', '--done', 'Wired the queue', '--blocker', 'Staging DB is read-only, need @alice'],
        '2026-11-23T20:00:00Z',
      ),
    );
    ids.hostile = idOf(await write('bob', ['update', '--done', 'Nothing to see', '--note', HOSTILE_NOTE(port)], '2026-11-23T21:00:00Z'));
    ids.decision = idOf(
      await write('chen', ['decide', 'Adopt pangolin naming', '--option', 'Pangolin', '--input-by', '2026-11-27'], '2026-11-24T08:00:00Z'),
    );
    // Tokyo's morning is hours away: chen has the whole window to acknowledge.
    ids.handoff = idOf(await write('alice', ['handoff', '--to', 'chen', '--ask', 'Review the release notes'], '2026-11-24T09:30:00Z'));
    await write('alice', ['sync'], NOW);
    // The scenario as the CLI sees it, so a failure below is the site's, not the fixture's.
    const status = JSON.parse(await write('alice', ['status', '--json'], NOW));
    if (!status.overdue.includes(ids.overdue) || status.overdue.includes(ids.handoff) || !status.openBlockers.includes(ids.blocker))
      throw new Error(`unexpected scenario: ${JSON.stringify(status)}`);

    out = join(team.box.dir, 'site');
    const built = await team.bin('alice', ['site', out]);
    if (built.code !== 0) throw new Error(`async site failed (${built.code}): ${built.stderr}`);
    browser = await startBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    server?.close();
    team?.cleanup();
  });

  const online = (page: Page) =>
    page.$$eval('#timeline .timeline-row', (rows) =>
      Object.fromEntries(rows.map((row) => [row.getAttribute('data-handle'), row.getAttribute('data-online')])),
    );

  it('writes the pages the contract names', () => {
    for (const file of ['index.html', 'search.html', `entries/${ids.hostile}.html`]) expect(existsSync(join(out, file)), file).toBe(true);
  });

  it('shows who is online at the ?now= instant, as async who does, away days included', async () => {
    for (const [at, expected] of INSTANTS) {
      const { page } = await open(url('index.html', `?now=${encodeURIComponent(at)}`));
      const who = await team.run('alice', ['who', '--json', '--at', at]);
      const cli = Object.fromEntries(
        (JSON.parse(who.stdout).members as { handle: string; online: boolean }[]).map((m) => [m.handle, String(m.online)]),
      );
      const shown = await online(page);
      expect(shown, at).toEqual(Object.fromEntries(Object.entries(expected).map(([handle, on]) => [handle, String(on)])));
      expect(shown, `${at} against async who`).toEqual(cli);
      await page.close();
    }
  });

  it('draws every working window and away day on the 24 UTC hours of the ?now= day', async () => {
    const spans = async (at: string) => {
      const { page } = await open(url('index.html', `?now=${encodeURIComponent(at)}`));
      const drawn = await page.$$eval('#timeline .timeline-row', (rows) =>
        Object.fromEntries(
          rows.map((row) => [
            row.getAttribute('data-handle'),
            Array.from(row.querySelectorAll('.spans rect')).map((rect) => {
              const x = Number(rect.getAttribute('x'));
              return `${rect.getAttribute('class')} ${x}-${x + Number(rect.getAttribute('width'))}`;
            }),
          ]),
        ),
      );
      await page.close();
      return drawn;
    };
    // Tuesday: Berlin 09-17 is 08-16 UTC, New York 09-17 is 14-22 UTC, Tokyo 09-18 is 00-09 UTC.
    expect(await spans(NOW)).toEqual({ alice: ['work 480-960'], bob: ['work 840-1320'], chen: ['work 0-540'] });
    // Thursday, bob's away day: from his local midnight (05:00 UTC) to the end of the UTC day.
    const thursday = await spans('2026-11-26T15:00:00Z');
    expect(thursday.bob).toEqual(['away 300-1440']);
    expect(thursday.alice).toEqual(['work 480-960']);
  });

  it('moves the now marker to the instant on the 24 UTC hours', async () => {
    const marker = async (at: string) => {
      const { page } = await open(url('index.html', `?now=${encodeURIComponent(at)}`));
      const place = await page.$eval('#now', (line) => {
        const svg = (line as SVGLineElement).ownerSVGElement ?? line.parentElement!;
        const box = svg.getBoundingClientRect();
        const own = line.getBoundingClientRect();
        return { minute: Number(line.getAttribute('x1')), fraction: (own.left + own.width / 2 - box.left) / box.width };
      });
      await page.close();
      return place;
    };
    const morning = await marker('2026-11-24T06:00:00Z');
    const evening = await marker('2026-11-24T18:30:00Z');
    expect(morning.minute).toBe(6 * 60);
    expect(evening.minute).toBe(18 * 60 + 30);
    expect(morning.fraction).toBeCloseTo(6 / 24, 2);
    expect(evening.fraction).toBeCloseTo(18.5 / 24, 2);
  });

  it('lists what is waiting: the open handoff, the overdue one, the blocker and the decision', async () => {
    const { page } = await open(url('index.html', `?now=${NOW}`));
    const items = await page.$$eval('#waiting li[data-kind][data-id]', (lis) =>
      lis.map((li) => `${li.getAttribute('data-kind')} ${li.getAttribute('data-id')}`),
    );
    expect(items).toEqual(
      expect.arrayContaining([`handoff ${ids.handoff}`, `overdue ${ids.overdue}`, `blocker ${ids.blocker}`, `decision ${ids.decision}`]),
    );
    expect(items).not.toContain(`handoff ${ids.overdue}`);
    expect(items).not.toContain(`overdue ${ids.handoff}`);
    await page.close();
  });

  it('renders the hostile entry as inert text: no script, image or handler, no dialog, no request', async () => {
    for (const target of [url(`entries/${ids.hostile}.html`), url('index.html', `?now=${NOW}`), url('search.html', '?q=hostile')]) {
      const { page, log } = await open(target);
      const found = await page.evaluate(() => ({
        // Data blocks (application/json) hold entry text on purpose; they must stay whole JSON.
        inlineScripts: Array.from(document.scripts)
          .filter((script) => !/json/i.test(script.type))
          .map((script) => script.textContent ?? '')
          .filter((text) => text.includes('alert(')),
        brokenData: Array.from(document.scripts)
          .filter((script) => /json/i.test(script.type))
          .filter((script) => {
            try {
              JSON.parse(script.textContent ?? '');
              return false;
            } catch {
              return true;
            }
          }).length,
        images: document.querySelectorAll('img, image, picture, iframe, object, embed').length,
        handlers: Array.from(document.querySelectorAll('*')).flatMap((el) =>
          el.getAttributeNames().filter((name) => name.startsWith('on')),
        ),
        scriptLinks: Array.from(document.querySelectorAll('a[href]')).filter((a) => /^\s*javascript:/i.test(a.getAttribute('href')!))
          .length,
      }));
      expect(found, target).toEqual({ inlineScripts: [], brokenData: 0, images: 0, handlers: [], scriptLinks: 0 });
      expect(log.dialogs, target).toEqual([]);
      await page.close();
    }
    const { page } = await open(url(`entries/${ids.hostile}.html`));
    const article = await page.$eval('article.entry', (el) => ({
      id: el.getAttribute('data-id'),
      scripts: el.querySelectorAll('script').length,
      text: el.textContent ?? '',
    }));
    expect(article.id).toBe(ids.hostile);
    expect(article.scripts).toBe(0);
    expect(article.text).toContain('Hostile notes follow.');
    await page.close();
    expect(hits).toEqual([]);
  });

  it('with JavaScript off still shows the timeline, the waiting list and the latest entries', async () => {
    const { page } = await open(url('index.html'), { javaScript: false });
    expect(await online(page)).toEqual({ alice: 'true', bob: 'false', chen: 'false' });
    expect(await page.$$eval('#waiting li[data-kind]', (lis) => lis.length)).toBeGreaterThanOrEqual(4);
    const latest = await page.$eval('#latest', (section) => section.textContent ?? '');
    expect(latest).toContain('Review the release notes');
    expect(latest).toContain('Adopt pangolin naming');
    await page.close();
  });

  it('fits a 375 px phone screen without sideways scrolling', async () => {
    for (const file of ['index.html', 'search.html', `entries/${ids.hostile}.html`]) {
      const { page } = await open(url(file, `?now=${NOW}`), { width: 375, height: 740 });
      const width = await page.evaluate(() => ({
        scroll: Math.max(document.documentElement.scrollWidth, document.body.scrollWidth),
        view: document.documentElement.clientWidth,
      }));
      expect(width.scroll, file).toBeLessThanOrEqual(width.view);
      await page.close();
    }
  });

  it('finds an entry by a word typed into the search box', async () => {
    const { page } = await open(url('search.html'));
    await page.type('#search', 'pangolin');
    await page.waitForFunction((id) => document.querySelector(`#results li[data-id="${id}"]`) !== null, { timeout: 5_000 }, ids.decision);
    const results = await page.$$eval('#results li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(results).toHaveLength(1);
    expect(results[0]).toContain('pangolin');
    const href = await page.$eval('#results li a', (a) => a.getAttribute('href'));
    expect(href).toContain(ids.decision);
    await page.close();
  });

  it('every page loaded logged no error, broke no CSP rule and requested nothing off disk', () => {
    expect(logs.length).toBeGreaterThan(10);
    for (const log of logs) {
      expect(log.errors).toEqual([]);
      expect(consoleProblems(log)).toEqual([]);
      expect(log.csp).toEqual([]);
      expect(offDisk(log)).toEqual([]);
    }
    expect(hits).toEqual([]);
  });
});
