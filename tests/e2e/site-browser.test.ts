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
  const ids = { handoff: '', overdue: '', blocker: '', decision: '', hostile: '', early: '', reply: '' };
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
    // Monday 22:00 UTC is already Tuesday 07:00 in Tokyo: listed under the UTC day, Monday.
    ids.early = idOf(await write('chen', ['update', '--done', 'Early start on the runbook'], '2026-11-23T22:00:00Z'));
    ids.reply = idOf(await write('alice', ['reply', ids.decision, '--note', 'Fine by me, ship it', '--yes'], '2026-11-24T09:00:00Z'));
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

  it('stamps every entry in UTC under its UTC day heading, the writer’s own clock second', async () => {
    const { page } = await open(url('index.html'), { javaScript: false });
    const days = await page.$$eval('#latest .day', (blocks) =>
      blocks.map((block) => ({
        heading: block.querySelector('h3')?.textContent ?? '',
        stamps: Array.from(block.querySelectorAll('time.stamp')).map((t) => [t.getAttribute('datetime') ?? '', t.textContent ?? '']),
      })),
    );
    expect(days.length).toBeGreaterThanOrEqual(2);
    for (const day of days)
      for (const [datetime, text] of day.stamps) {
        expect(datetime.slice(0, 10), `${text} under ${day.heading}`).toBe(day.heading);
        expect(text).toBe(`${datetime.slice(11, 16)} UTC`);
      }
    const early = await page.$eval(`#latest li[data-id="${ids.early}"]`, (li) => ({
      day: li.closest('.day')?.querySelector('h3')?.textContent,
      text: li.textContent ?? '',
    }));
    expect(early.day).toBe('2026-11-23');
    expect(early.text).toContain('22:00 UTC · Tue 07:00 in Tokyo');
    // No author's offset in the lists: those read as out of order under UTC headings.
    const lists = await page.$eval('main', (main) =>
      Array.from(main.querySelectorAll('#waiting, #latest'))
        .map((section) => section.textContent ?? '')
        .join('\n'),
    );
    expect(lists).not.toMatch(/\d{2}:\d{2} [+-]\d{2}:\d{2}/);
    expect(lists).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    await page.close();
  });

  it('lists search.html newest first with JavaScript off, every time in UTC', async () => {
    const { page } = await open(url('search.html'), { javaScript: false });
    const stamps = await page.$$eval('#results li time.stamp', (times) =>
      times.map((t) => [t.getAttribute('datetime') ?? '', t.textContent ?? '']),
    );
    expect(stamps.length).toBeGreaterThanOrEqual(7);
    const instants = stamps.map(([datetime]) => datetime);
    expect(instants).toEqual([...instants].sort().reverse());
    for (const [datetime, text] of stamps) expect(text).toBe(`${datetime.slice(0, 10)} ${datetime.slice(11, 16)} UTC`);
    await page.close();
  });

  it('adds the viewer’s own clock where JavaScript runs, and nothing for a UTC viewer or with it off', async () => {
    const yours = async (file: string, timezone: string, javaScript = true) => {
      const { page } = await open(url(file, `?now=${NOW}`), { timezone, javaScript });
      const found = await page.$$eval(`li[data-id="${ids.early}"] .yours`, (spans) => spans.map((span) => span.textContent));
      await page.close();
      return found;
    };
    expect(await yours('index.html', 'America/Los_Angeles')).toEqual(['· Mon 14:00 your time']);
    expect(await yours('search.html', 'America/Los_Angeles')).toEqual(['· Mon 14:00 your time']);
    // Same clock as the writer's: not said twice.
    expect(await yours('index.html', 'Asia/Tokyo')).toEqual([]);
    expect(await yours('index.html', 'UTC')).toEqual([]);
    expect(await yours('index.html', 'America/Los_Angeles', false)).toEqual([]);
  });

  it('writes deadlines with the same formatter: ack by and input by alike, one badge per waiting item', async () => {
    const { page } = await open(url('index.html', `?now=${NOW}`));
    const items = await page.$$eval('#waiting li[data-kind]', (lis) =>
      lis.map((li) => ({ kind: li.getAttribute('data-kind'), tags: li.querySelectorAll('.tag').length, text: li.textContent ?? '' })),
    );
    for (const item of items) expect(item.tags, item.text).toBe(1);
    const decision = items.find((item) => item.kind === 'decision')!;
    expect(decision.text).toMatch(/input by 2026-11-2\d \d{2}:\d{2} UTC · \w{3} \d{2}:\d{2} in Tokyo/);
    const handoff = items.find((item) => item.kind === 'handoff')!;
    expect(handoff.text).toMatch(/ack by 2026-11-2\d \d{2}:\d{2} UTC · \w{3} \d{2}:\d{2} in Tokyo/);
    const overdue = items.find((item) => item.kind === 'overdue')!;
    expect(overdue.text).toMatch(/ack was due 2026-11-23 \d{2}:\d{2} UTC · Mon \d{2}:\d{2} in New York/);
    await page.close();
    const log = await open(url('decisions.html'));
    const article = await log.page.$eval(`article.entry[data-id="${ids.decision}"]`, (el) => el.textContent ?? '');
    expect(article).toMatch(/input by 2026-11-2\d \d{2}:\d{2} UTC · \w{3} \d{2}:\d{2} in Tokyo/);
    await log.page.close();
  });

  it('shows the decision’s replies in the decision log, as its own page does', async () => {
    for (const file of ['decisions.html', `entries/${ids.decision}.html`]) {
      const { page } = await open(url(file));
      const answers = await page.$eval(`article.entry[data-id="${ids.decision}"]`, (el) => ({
        heading: el.querySelector('h3.answers')?.textContent,
        links: Array.from(el.querySelectorAll('h3.answers + ul a')).map((a) => a.getAttribute('href')),
      }));
      expect(answers.heading, file).toBe('1 answer');
      expect(answers.links, file).toEqual([expect.stringContaining(`${ids.reply}.html`)]);
      await page.close();
    }
  });

  it('gives every member row the same three lines, at desktop width and on a phone', async () => {
    for (const width of [1200, 375]) {
      const { page } = await open(url('index.html', `?now=${NOW}`), { width, height: 800 });
      const rows = await page.$$eval('#timeline .timeline-row .who', (whos) =>
        whos.map((who) => ({
          height: Math.round(who.getBoundingClientRect().height),
          lines: Array.from(who.querySelectorAll('.line')).map((line) => Math.round(line.getBoundingClientRect().height)),
          lineHeight: Number.parseFloat(getComputedStyle(who).lineHeight),
        })),
      );
      expect(rows).toHaveLength(3);
      for (const row of rows) {
        expect(row.lines, `${width}px`).toHaveLength(3);
        // One text line each: a wrapped line would be twice as tall.
        for (const line of row.lines) expect(line, `${width}px`).toBeLessThan(row.lineHeight * 1.5);
      }
      expect(new Set(rows.map((row) => row.height)).size, `${width}px: ${JSON.stringify(rows)}`).toBe(1);
      await page.close();
    }
  });

  it('puts the now label beside the marker, on its right by day and its left late in the UTC day', async () => {
    const place = async (at: string) => {
      const { page } = await open(url('index.html', `?now=${encodeURIComponent(at)}`));
      const found = await page.evaluate(() => {
        const marker = document.getElementById('now')!.getBoundingClientRect();
        const label = document.getElementById('now-label')!.getBoundingClientRect();
        return {
          marker: marker.left + marker.width / 2,
          left: label.left,
          right: label.right,
          text: document.getElementById('now-label')!.textContent,
        };
      });
      await page.close();
      return found;
    };
    const morning = await place('2026-11-24T06:00:00Z');
    expect(morning.text).toBe('now 06:00 UTC');
    expect(morning.left - morning.marker).toBeGreaterThan(0);
    expect(morning.left - morning.marker).toBeLessThan(12);
    const late = await place('2026-11-24T21:30:00Z');
    expect(late.marker - late.right).toBeGreaterThan(0);
    expect(late.marker - late.right).toBeLessThan(12);
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
