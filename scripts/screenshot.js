// docs/site.png, the README's picture of `async site`: the demo team (`async demo`, through the
// built binary) at a fixed instant, its site built and opened from disk in the system Chromium at
// 1200×900 with the same `?now=`, so the picture changes only when the page does.
//   npm run screenshot            (builds first)
//   node scripts/screenshot.js [OUT.png]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { CHROMIUM_HINT, findChromium, launchChromium } from './chromium.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = join(root, 'bin', 'async.cjs');
const target = resolve(process.argv[2] ?? join(root, 'docs', 'site.png'));
// Tuesday 12:30 UTC: Berlin, Kolkata and São Paulo at work, Los Angeles and Sydney asleep.
const NOW = '2026-11-24T12:30:00Z';

const executablePath = findChromium(process.env);
if (!executablePath) {
  console.error(`No Chromium found: ${CHROMIUM_HINT}.`);
  process.exit(1);
}

const work = mkdtempSync(join(tmpdir(), 'async-screenshot-'));
try {
  // A home of its own: the demo and the site never read or change the user's settings.
  const env = {
    PATH: process.env.PATH,
    HOME: work,
    XDG_CONFIG_HOME: join(work, '.config'),
    ASYNC_NOW: NOW,
    NO_COLOR: '1',
    LANG: 'C.UTF-8',
  };
  const run = (argv) => execFileSync(process.execPath, [bin, ...argv], { cwd: work, env, stdio: ['ignore', 'pipe', 'inherit'] });
  run(['demo', join(work, 'demo')]);
  const site = join(work, 'site');
  run(['site', site, '-w', join(work, 'demo', 'priya')]);

  const { browser, close } = await launchChromium({ executablePath });
  try {
    const page = await browser.newPage();
    const problems = [];
    page.on('pageerror', (error) => problems.push(String(error)));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    await page.setViewport({ width: 1200, height: 900 });
    await page.emulateTimezone('UTC');
    await page.goto(`${pathToFileURL(join(site, 'index.html')).href}?now=${NOW}`, { waitUntil: 'networkidle0' });
    mkdirSync(dirname(target), { recursive: true });
    await page.screenshot({ path: target });
    if (problems.length > 0) console.error(`The page reported:\n  ${problems.join('\n  ')}`);
    console.log(`Wrote ${target}`);
  } finally {
    await close();
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}
