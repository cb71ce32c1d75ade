// The system Chromium, found and launched one way for the browser tests (tests/helpers/browser.ts)
// and the screenshot (scripts/screenshot.js). puppeteer-core drives it and downloads nothing: the
// browser is Debian's `chromium` package, which .ci/run installs.
import { accessSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';

/** Tried in order on the PATH after CHROMIUM_PATH. */
export const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome'];

/** What to tell someone who has none. */
export const CHROMIUM_HINT = "install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH to a Chromium or Chrome binary";

function executable(path) {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * CHROMIUM_PATH when set (and then only it: a wrong path is an error to see, not a reason to pick
 * another browser), else the first of CHROMIUM_NAMES on the PATH; undefined when there is none.
 * @param {Record<string, string | undefined>} env
 * @returns {string | undefined}
 */
export function findChromium(env = process.env) {
  if (env.CHROMIUM_PATH) return executable(env.CHROMIUM_PATH) ? env.CHROMIUM_PATH : undefined;
  for (const name of CHROMIUM_NAMES) {
    for (const dir of (env.PATH ?? '').split(delimiter)) {
      if (dir && executable(join(dir, name))) return join(dir, name);
    }
  }
  return undefined;
}

/**
 * Headless, with a fresh profile in a temp dir that close() removes. close() gives the browser a few
 * seconds to quit, then kills it, so a hung browser never outlives the test run or the script.
 * @param {{ executablePath: string, timeoutMs?: number }} options
 * @returns {Promise<{ browser: import('puppeteer-core').Browser, close: () => Promise<void> }>}
 */
export async function launchChromium({ executablePath, timeoutMs = 30_000 }) {
  const { default: puppeteer } = await import('puppeteer-core');
  const profile = mkdtempSync(join(tmpdir(), 'async-chromium-'));
  const args = [
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    '--hide-scrollbars',
    // Chromium refuses to start as root with its sandbox on (CI and this machine run as root).
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
  ];
  let browser;
  try {
    browser = await puppeteer.launch({ executablePath, headless: true, userDataDir: profile, args, timeout: timeoutMs });
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
  const close = async () => {
    const child = browser.process();
    let timer;
    const gaveUp = new Promise((resolve) => {
      timer = setTimeout(resolve, 5_000, 'timeout');
    });
    const quit = browser.close().catch(() => 'failed');
    if ((await Promise.race([quit, gaveUp])) !== undefined) child?.kill('SIGKILL');
    clearTimeout(timer);
    rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  };
  return { browser, close };
}
