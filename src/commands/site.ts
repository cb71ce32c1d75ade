import type { Command } from 'commander';
import { addExamples } from './examples.js';
import type { Context } from '../context.js';
import { UsageError } from '../errors.js';
import { findMe, openSession, resolveMe, type GlobalOptions } from '../store/session.js';
import { sanitizeInline } from '../ui/sanitize.js';
import { parsePastFlag, pullFirst } from './readFlow.js';

export interface SiteOptions extends GlobalOptions {
  json?: boolean;
  pull?: boolean;
  workflow?: string;
  push?: boolean;
  since?: string;
}

/** GitHub Pages publishes `_site` by convention (Jekyll's); a fresh name nobody else writes to. */
export const DEFAULT_SITE_DIR = '_site';

export function register(program: Command, ctx: Context): void {
  addExamples(program.command('site'), [
    ['async site', 'write ./_site and print the file:// URL of its index.html'],
    ['async site public --since 12w --pull', 'pull first, then write ./public with the last twelve weeks of entries'],
    ['async site --workflow github', 'add the workflow that publishes it to GitHub Pages on every push and every hour'],
  ])
    .summary("a static web page of the team's day, what waits, and the entries")
    .description(
      "Write a static site of the workspace to DIR (default: _site): the team's day on a 24-hour timeline with who is online, what is waiting (handoffs, blockers, open decisions), the latest entries, the decision log and a search box. Plain files, no server: open index.html, or publish DIR on GitHub or GitLab Pages. Reads what this clone has, offline. DIR must be new, empty, or a site written before (it is replaced whole).",
    )
    .argument('[dir]', `where to write the site (default: ${DEFAULT_SITE_DIR})`)
    .option('--json', 'print a JSON summary: { dir, index, url, pages, entries, warnings }')
    .option('--pull', 'pull first, for entries pushed since this clone last pulled')
    .option(
      '--since <when>',
      'only entries since WHEN get pages and are searched (default: the whole history; decisions and what waits always)',
    )
    .option('--workflow <host>', 'instead, add the CI file that builds and publishes the site: github or gitlab (committed and pushed)')
    .option('--no-push', 'with --workflow: commit locally only')
    .action(async (dir: string | undefined, _o: SiteOptions, cmd: Command) => {
      await runSite(ctx, dir, cmd.optsWithGlobals<SiteOptions>());
    });
}

/** read → build the pages (pure) → write them beside the target, then swap them in. */
export async function runSite(ctx: Context, dir: string | undefined, options: SiteOptions): Promise<void> {
  if (options.workflow !== undefined) {
    if (dir !== undefined) throw new UsageError('Pass either a DIR to write the site to, or --workflow, not both.');
    await addWorkflow(ctx, options.workflow, options);
    return;
  }
  if (options.push === false) throw new UsageError('--no-push goes with --workflow: the site itself is not committed.');
  if (dir !== undefined && dir.trim() === '')
    throw new UsageError('The site directory is empty.', `Pass a directory, such as ${DEFAULT_SITE_DIR}.`);
  const { resolve } = await import('node:path');
  const { pathToFileURL } = await import('node:url');
  const store = await import('../store/siteDir.js');
  const session = await openSession(ctx, options);
  const target = resolve(ctx.cwd, dir ?? DEFAULT_SITE_DIR);
  // Refused before anything is read or pulled: a wrong DIR changes nothing.
  await store.checkSiteTarget(target, session.ws.root);
  const me = await findMe(ctx, session, options);
  const now = ctx.now().getTime();
  const since = options.since === undefined ? undefined : await parsePastFlag('--since', options.since, now, me?.tz ?? 'UTC');
  if (options.pull) await pullFirst(ctx, session, me);

  const { readHistory } = await import('../store/history.js');
  const [history, script, markdownIt] = await Promise.all([readHistory(session.ws), store.readSiteScript(), import('markdown-it')]);
  const warnings = [...new Set([...session.roster.warnings, ...history.warnings])];
  const { escalateAfterMs } = await import('../core/member.js');
  const { zoneDataSubset } = await import('../tz/zone.js');
  const { makeMarkdown } = await import('../ui/site/markdown.js');
  const { buildSite } = await import('../ui/site/pages.js');
  const { VERSION_LINE } = await import('../version.js');
  const members = session.roster.members;
  const files = buildSite({
    team: session.roster.settings.team,
    now,
    ...(since === undefined ? {} : { since }),
    versionLine: VERSION_LINE,
    members,
    entries: history.entries,
    escalateAfterMs: escalateAfterMs(session.roster.settings),
    md: makeMarkdown(markdownIt.default),
    script,
    tz: zoneDataSubset(members.map((member) => member.tz)),
  });
  await store.writeSite(target, files);

  const index = resolve(target, 'index.html');
  const url = pathToFileURL(index).href;
  if (options.json) {
    const { jsonText } = await import('../ui/json.js');
    ctx.stdout.write(jsonText({ dir: target, index, url, pages: files.size, entries: history.entries.length, warnings }));
    return;
  }
  for (const warning of warnings) ctx.stderr.write(`warning: ${sanitizeInline(warning)}\n`);
  ctx.stdout.write(`Wrote ${files.size} pages to ${target}\n  ${url}\n`);
}

/** `--workflow github|gitlab`: one file, through the one write transaction, then pushed. */
async function addWorkflow(ctx: Context, host: string, options: SiteOptions): Promise<void> {
  const store = await import('../store/siteDir.js');
  const wanted = host.trim().toLowerCase();
  if (!store.isSiteHost(wanted))
    throw new UsageError(`--workflow "${sanitizeInline(host)}" is not a host I know.`, 'Use --workflow github or --workflow gitlab.');
  const session = await openSession(ctx, options, { writing: true });
  const me = await resolveMe(ctx, session, options);
  const { path, host: hostName } = store.SITE_WORKFLOWS[wanted];
  const content = await store.readSiteWorkflow(wanted);
  const { readInside } = await import('../store/fsafe.js');
  const existing = await readInside(session.ws.root, path).catch(() => undefined);
  if (existing === content) {
    ctx.stdout.write(`${path} is already there; nothing to do.\n`);
    return;
  }
  if (existing !== undefined)
    throw new UsageError(
      `${path} already exists with other content; nothing was written.`,
      'Edit it by hand, or remove it and run this again.',
    );
  const { identityOf } = await import('../store/publish.js');
  const { commitAndPush } = await import('./write.js');
  const tx = {
    changes: [{ path, content, create: true }],
    message: `Publish the team page on ${hostName}`,
    author: identityOf(me),
    ...(session.commitPlan ? { plan: session.commitPlan } : {}),
  };
  const report = await commitAndPush(ctx, session.ws, tx, options);
  const { describePush } = await import('./pushMessage.js');
  const summary = `Added ${path}: ${store.SCHEDULE_NOTE[wanted]} builds the site (async site) and publishes it on ${hostName}.`;
  ctx.stdout.write(`${summary} ${describePush(report.state, summary)}\n`);
}
