/**
 * The browser helper's detectors catch what they claim to: a page that runs a hostile script, loads
 * an image from a server and breaks its own CSP is reported, so the site test's "none of these"
 * assertions can fail. One small page per detector, served from disk and a loopback server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { consoleProblems, NO_BROWSER, offDisk, startBrowser, type TestBrowser } from '../helpers/browser.js';

describe.skipIf(NO_BROWSER)('the browser helper', () => {
  let browser: TestBrowser;
  let server: Server;
  let hits: string[];
  let dir: string;
  let port: number;
  const page = (name: string, html: string) => {
    writeFileSync(join(dir, name), html);
    return pathToFileURL(join(dir, name)).href;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'async-browser-'));
    hits = [];
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      response.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
    browser = await startBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('records dialogs, page errors, console errors and requests off disk', async () => {
    const url = page(
      'open.html',
      `<!doctype html><img src="http://127.0.0.1:${port}/pixel.png"><script>alert('hi'); console.error('bad'); null.x;</script>`,
    );
    const { log } = await browser.open(url);
    expect(log.dialogs).toEqual(['hi']);
    expect(consoleProblems(log)).toContain('error: bad');
    expect(log.errors.join('\n')).toMatch(/null/);
    expect(offDisk(log)).toEqual([`http://127.0.0.1:${port}/pixel.png`]);
    expect(log.requests[0]).toBe(url);
    expect(hits).toEqual(['/pixel.png']);
  });

  it('records CSP violations, from the event and with JavaScript off from the console', async () => {
    const csp = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'">`;
    const url = page('strict.html', `<!doctype html>${csp}<img src="http://127.0.0.1:${port}/blocked.png"><p>strict</p>`);
    const on = await browser.open(url);
    expect(on.log.csp.some((line) => /img-src|default-src/.test(line))).toBe(true);
    const off = await browser.open(url, { javaScript: false });
    expect(off.log.csp.length).toBeGreaterThan(0);
    expect(hits).not.toContain('/blocked.png');
  });
});
