/**
 * Where `async site` writes: a directory that is new, empty, or a site it wrote before (it holds
 * MARKER). A new site is written whole into a temporary directory beside the target, then put in
 * its place by renames, so a crash leaves the old site or the new one, never half a page.
 */
import { promises as fs } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { randomBytes } from 'node:crypto';
import { UsageError } from '../errors.js';
import { isWithin } from './fsafe.js';

/** Kept in every site: what lets a later run replace the directory without asking. */
export const SITE_MARKER = '.async-site';
const WRITERS = 16;
const MARKER_TEXT = 'Written by `async site`. The next `async site` run replaces this whole directory.\n';

/** Checks the target without writing anything: a usage error for a place that is not ours to replace. */
export async function checkSiteTarget(target: string, workspaceRoot: string): Promise<void> {
  const path = resolve(target);
  if (isWithin(path, workspaceRoot) || path === resolve(workspaceRoot))
    throw new UsageError(`${target} holds the workspace; the site needs a directory of its own.`, 'Pass a new directory, such as _site.');
  const stat = await fs.lstat(path).catch(() => undefined);
  if (!stat) return;
  if (stat.isSymbolicLink()) throw new UsageError(`${target} is a symbolic link; write the site to a real directory.`);
  if (!stat.isDirectory()) throw new UsageError(`${target} exists and is not a directory.`, 'Pass a new directory, such as _site.');
  const names = await fs.readdir(path);
  if (names.length > 0 && !names.includes(SITE_MARKER))
    throw new UsageError(
      `${target} is not empty and is not a site async wrote; nothing was written.`,
      'Pass a new or empty directory, such as _site.',
    );
}

/** Writes `files` (relative path → content) as the whole site at `target`, replacing a previous one. */
export async function writeSite(target: string, files: ReadonlyMap<string, string>): Promise<void> {
  const path = resolve(target);
  const parent = dirname(path);
  await fs.mkdir(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const fresh = join(parent, `.${basename(path)}.new-${tag}`);
  const old = join(parent, `.${basename(path)}.old-${tag}`);
  try {
    await fs.mkdir(fresh);
    const all = [...files, [SITE_MARKER, MARKER_TEXT] as const];
    const folders = new Set<string>();
    for (const [rel] of all) {
      const file = join(fresh, rel);
      if (!isWithin(fresh, file)) throw new Error(`a site file would land outside the site: ${rel}`);
      folders.add(dirname(file));
    }
    for (const folder of folders) await fs.mkdir(folder, { recursive: true });
    // A page per entry: thousands of small files, written a few at a time rather than one by one.
    let next = 0;
    const writer = async () => {
      while (next < all.length) {
        const [rel, text] = all[next++]!;
        await fs.writeFile(join(fresh, rel), text);
      }
    };
    await Promise.all(Array.from({ length: WRITERS }, writer));
    // A directory cannot be renamed over a non-empty one: the old site steps aside first.
    const had = await fs.rename(path, old).then(
      () => true,
      (error: NodeJS.ErrnoException) => {
        if (error.code === 'ENOENT') return false;
        throw error;
      },
    );
    try {
      await fs.rename(fresh, path);
    } catch (error) {
      // Put the old site back rather than leave none.
      if (had) await fs.rename(old, path).catch(() => {});
      throw error;
    }
    if (had) await fs.rm(old, { recursive: true, force: true });
  } catch (error) {
    await fs.rm(fresh, { recursive: true, force: true });
    throw error;
  }
}

/** The page script the build wrote (dist/site.js), beside the bundle or, from the sources, in dist/. */
export async function readSiteScript(): Promise<string> {
  for (const up of ['../', '../../']) {
    const text = await fs.readFile(fileURLToPath(new URL(`${up}dist/site.js`, import.meta.url)), 'utf8').catch(() => undefined);
    if (text !== undefined) return text;
  }
  throw new Error('the site script (dist/site.js) is missing from the installation; run npm run build');
}

/** Where each host looks for the workflow that publishes the site, and the template that is it. */
export const SITE_WORKFLOWS = {
  github: { path: '.github/workflows/async-site.yml', template: 'github.yml', host: 'GitHub Pages' },
  gitlab: { path: '.gitlab-ci.yml', template: 'gitlab.yml', host: 'GitLab Pages' },
} as const;
export type SiteHost = keyof typeof SITE_WORKFLOWS;

/**
 * When the workflow builds: GitHub's file declares its hourly schedule; GitLab's cannot (a
 * pipeline schedule is set in the project), so the message says where to add it.
 */
export const SCHEDULE_NOTE: Record<SiteHost, string> = {
  github: 'every push and every hour',
  gitlab: 'every push (and each run of a pipeline schedule, which you add in Build > Pipeline schedules)',
};

export function isSiteHost(text: string): text is SiteHost {
  return Object.hasOwn(SITE_WORKFLOWS, text);
}

/** The workflow file for a host, from the package's templates/site/. */
export async function readSiteWorkflow(host: SiteHost): Promise<string> {
  for (const up of ['../../', '../']) {
    const url = new URL(`${up}templates/site/${SITE_WORKFLOWS[host].template}`, import.meta.url);
    const text = await fs.readFile(fileURLToPath(url), 'utf8').catch(() => undefined);
    if (text !== undefined) return text;
  }
  throw new Error(`the ${host} workflow template is missing from the installation`);
}
