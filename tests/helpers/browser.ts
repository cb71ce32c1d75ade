/**
 * A real browser for the tests: the system Chromium (scripts/chromium.js finds and launches it),
 * one per test file, and pages that record everything a page must not do: console errors, page
 * errors, Content-Security-Policy violations, dialogs, and any request that is not for a file.
 *
 * Where Chromium is absent the browser tests are skipped with a note naming what to install; with
 * CI=true they run anyway and fail, since .ci/run installs Chromium and a skip there would hide it.
 */
import type { Browser, Page } from 'puppeteer-core';
// @ts-expect-error: a plain ES module shared with scripts/screenshot.js; its JSDoc gives the types.
import { CHROMIUM_HINT, findChromium, launchChromium } from '../../scripts/chromium.js';

export const CHROMIUM: string | undefined = findChromium(process.env);

/** True where the browser tests skip: no Chromium, and not in CI. */
export const NO_BROWSER = CHROMIUM === undefined && process.env.CI !== 'true';

if (NO_BROWSER) {
  console.warn(`Skipping the browser tests: no Chromium found; ${CHROMIUM_HINT}.`);
}

export interface PageLog {
  /** Console messages of every level, as "type: text". */
  console: string[];
  /** Uncaught exceptions in the page. */
  errors: string[];
  /** CSP violations, from the page's securitypolicyviolation events and from the console. */
  csp: string[];
  /** Every URL the page requested, file:// included. */
  requests: string[];
  /** alert/confirm/prompt messages: a hostile entry that runs script shows up here. */
  dialogs: string[];
}

export interface OpenOptions {
  javaScript?: boolean;
  width?: number;
  height?: number;
  /** An IANA zone for the page's clock display (the test must not depend on the machine's). */
  timezone?: string;
}

export interface TestBrowser {
  /** A fresh page (own log) at `url`, loaded (its load event: every script run, every image fetched or refused). */
  open(url: string, options?: OpenOptions): Promise<{ page: Page; log: PageLog }>;
  close(): Promise<void>;
}

export async function startBrowser(): Promise<TestBrowser> {
  if (CHROMIUM === undefined) throw new Error(`No Chromium found for the browser tests: ${CHROMIUM_HINT}.`);
  const { browser, close } = (await launchChromium({ executablePath: CHROMIUM })) as { browser: Browser; close(): Promise<void> };
  return {
    close,
    open: async (url, options = {}) => {
      const page = await browser.newPage();
      const log: PageLog = { console: [], errors: [], csp: [], requests: [], dialogs: [] };
      page.on('console', (message) => {
        const text = `${message.type()}: ${message.text()}`;
        log.console.push(text);
        if (/Content.Security.Policy/i.test(text)) log.csp.push(text);
      });
      page.on('pageerror', (error) => log.errors.push(String(error)));
      page.on('request', (request) => log.requests.push(request.url()));
      page.on('dialog', (dialog) => {
        log.dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      // A binding and a listener installed before any page script: CDP injects both, so the
      // page's own CSP does not stop them (with JavaScript off, only the console report remains).
      await page.exposeFunction('__reportCsp', (text: string) => log.csp.push(text));
      await page.evaluateOnNewDocument(() => {
        document.addEventListener('securitypolicyviolation', (event) => {
          const report = (window as unknown as { __reportCsp(text: string): void }).__reportCsp;
          report(`${event.violatedDirective} blocked ${event.blockedURI}`);
        });
      });
      await page.setJavaScriptEnabled(options.javaScript ?? true);
      await page.setViewport({ width: options.width ?? 1200, height: options.height ?? 900 });
      await page.emulateTimezone(options.timezone ?? 'UTC');
      await page.goto(url, { waitUntil: 'load', timeout: 30_000 });
      return { page, log };
    },
  };
}

/** Requests for anything but a file on disk: a static site opened from disk makes none. */
export function offDisk(log: PageLog): string[] {
  return log.requests.filter((url) => !url.startsWith('file://'));
}

/** Console messages at error or warning level. */
export function consoleProblems(log: PageLog): string[] {
  return log.console.filter((line) => /^(error|warn(ing)?|assert):/.test(line));
}
