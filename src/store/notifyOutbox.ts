/**
 * The clone's outbox of chat posts (SPEC §7 `async notify`): `.git/async/notify/<key>.json`, one
 * file per post (event, entry, URL), the key a hash of the three, so queuing twice is queuing once.
 * A post waits there until its entry is on the remote (the entry file is in the remote-tracking
 * commit): a teammate is never pinged about an entry they cannot pull yet. Sent (or given up), the
 * file becomes `<key>.sent`, a marker that keeps it from being queued again; markers older than
 * MARKER_DAYS are pruned. A post is claimed by renaming it to `<key>.sending` first, so two
 * commands running at once never both send it.
 */
import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { maskHookUrl, type NotifyEvent, type NotifyFormat } from '../core/notify.js';
import { writeAtomic } from './fsafe.js';
import { runGit } from './git.js';
import { trackedCommit } from './remote.js';
import { postJson, type SendOptions } from './webhook.js';
import type { Workspace } from './workspace.js';

/** Commands that tried and failed before a post is given up (with a warning). */
export const MAX_RUNS = 5;
/** How long a sent marker is kept: longer than any handoff stays overdue-worthy. */
const MARKER_DAYS = 60;
/** A `.sending` file older than this was left by a killed command: it goes back in the queue. */
const STALE_CLAIM_MS = 120_000;

export interface OutboxItem {
  key: string;
  event: NotifyEvent | 'test';
  entryId: string;
  /** The entry's file: the post waits until the remote has it. */
  entryPath: string;
  url: string;
  format: NotifyFormat;
  /** The JSON body, rendered when queued. */
  body: string;
  /** Commands that tried to send it and failed. */
  attempts: number;
  queuedAt: string;
  lastError?: string;
}

export function outboxDir(ws: Workspace): string {
  return join(ws.gitDir, 'async', 'notify');
}

/** Loads node:crypto only when something is queued: most writes have no webhook. */
export async function outboxKey(event: string, entryId: string, url: string): Promise<string> {
  const { createHash } = await import('node:crypto');
  return createHash('sha256').update(`${event}\n${entryId}\n${url}`).digest('hex').slice(0, 32);
}

async function present(path: string): Promise<boolean> {
  return fs.lstat(path).then(
    () => true,
    () => false,
  );
}

/** Whether this post is waiting, being sent, or was sent (or given up): then it is not queued again. */
export async function isKnown(ws: Workspace, key: string): Promise<boolean> {
  const dir = outboxDir(ws);
  for (const suffix of ['.json', '.sending', '.sent']) if (await present(join(dir, `${key}${suffix}`))) return true;
  return false;
}

/** Queues posts (each once, ever); returns how many were new. */
export async function queuePosts(ws: Workspace, items: readonly Omit<OutboxItem, 'key' | 'attempts'>[]): Promise<number> {
  if (items.length === 0) return 0;
  const dir = outboxDir(ws);
  await fs.mkdir(dir, { recursive: true, mode: 0o700 });
  let queued = 0;
  for (const item of items) {
    const key = await outboxKey(item.event, item.entryId, item.url);
    if (await isKnown(ws, key)) continue;
    const full: OutboxItem = { key, ...item, attempts: 0 };
    await writeAtomic(dir, `${key}.json`, `${JSON.stringify(full, null, 2)}\n`, { mode: 0o600, exclusive: true });
    queued++;
  }
  return queued;
}

/** Drops every waiting post to `url` (after `notify remove`): a removed hook gets nothing more. */
export async function dropPostsTo(ws: Workspace, url: string): Promise<number> {
  let dropped = 0;
  for (const item of await waitingPosts(ws)) {
    if (item.url !== url) continue;
    await fs.rm(join(outboxDir(ws), `${item.key}.json`), { force: true });
    dropped++;
  }
  return dropped;
}

function decodeItem(value: unknown): OutboxItem | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const item = value as Partial<OutboxItem>;
  const strings = [item.key, item.event, item.entryId, item.entryPath, item.url, item.format, item.body, item.queuedAt];
  if (strings.some((field) => typeof field !== 'string') || typeof item.attempts !== 'number') return undefined;
  return item as OutboxItem;
}

/** The posts waiting in the outbox, oldest first. A file that is not one is removed (it is only a cache of ours). */
export async function waitingPosts(ws: Workspace, now = Date.now()): Promise<OutboxItem[]> {
  const dir = outboxDir(ws);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const items: OutboxItem[] = [];
  for (const name of names) {
    const path = join(dir, name);
    if (name.endsWith('.sending')) {
      // A command killed mid-post left its claim: after a while the post is queued again.
      const info = await fs.stat(path).catch(() => undefined);
      if (info && now - info.mtimeMs > STALE_CLAIM_MS) await fs.rename(path, path.replace(/\.sending$/, '.json')).catch(() => {});
      else continue;
    } else if (name.endsWith('.sent')) {
      const info = await fs.stat(path).catch(() => undefined);
      if (info && now - info.mtimeMs > MARKER_DAYS * 86_400_000) await fs.rm(path, { force: true });
      continue;
    } else if (!name.endsWith('.json')) continue;
    const file = join(dir, name.replace(/\.sending$/, '.json'));
    const text = await fs.readFile(file, 'utf8').catch(() => undefined);
    if (text === undefined) continue;
    let item: OutboxItem | undefined;
    try {
      item = decodeItem(JSON.parse(text));
    } catch {
      item = undefined;
    }
    if (item && `${item.key}.json` === name.replace(/\.sending$/, '.json')) items.push(item);
    else await fs.rm(file, { force: true });
  }
  // Queued at the same instant (one command, a fixed ASYNC_NOW): an entry's own post before its "overdue".
  const rank = (item: OutboxItem) => (item.event === 'overdue' ? 1 : 0);
  return items.sort((a, b) => compare(a.queuedAt, b.queuedAt) || rank(a) - rank(b) || compare(a.key, b.key));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Which of `paths` the remote-tracking commit holds: what teammates can pull. */
async function onRemote(ws: Workspace, paths: readonly string[]): Promise<Set<string>> {
  const tracked = await trackedCommit(ws);
  if (tracked === undefined || paths.length === 0) return new Set();
  const result = await runGit(ws.root, ['ls-tree', '--name-only', tracked, '--', ...paths]);
  return new Set(result.code === 0 ? result.stdout.split('\n').filter(Boolean) : []);
}

export interface DeliveryReport {
  sent: number;
  /** Still waiting for their entry's push. */
  waiting: number;
  /** One per webhook that failed: the masked URL and what happened. */
  failures: { url: string; reason: string; kept: number; gaveUp: number }[];
}

/**
 * Sends the waiting posts whose entry is on the remote. A webhook that fails is not tried again in
 * this command (its other posts wait too), so a dead host costs one post's retries, not one per
 * entry. Never throws for the network.
 */
export async function deliverOutbox(ws: Workspace, options: SendOptions): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, waiting: 0, failures: [] };
  const items = await waitingPosts(ws);
  if (items.length === 0) return report;
  const landed = await onRemote(ws, [...new Set(items.map((item) => item.entryPath))]);
  const dir = outboxDir(ws);
  const failed = new Map<string, DeliveryReport['failures'][number]>();
  for (const item of items) {
    if (!landed.has(item.entryPath)) {
      report.waiting++;
      continue;
    }
    const failure = failed.get(item.url);
    if (failure && !failure.reason.startsWith('HTTP 4')) {
      failure.kept++;
      continue;
    }
    const waiting = join(dir, `${item.key}.json`);
    const claimed = join(dir, `${item.key}.sending`);
    // Another command took it first: it is theirs to send.
    if (
      !(await fs.rename(waiting, claimed).then(
        () => true,
        () => false,
      ))
    )
      continue;
    const result = await postJson(item.url, item.body, options);
    if (result.ok) {
      await fs.writeFile(join(dir, `${item.key}.sent`), `${new Date().toISOString()}\n`, { mode: 0o600 });
      await fs.rm(claimed, { force: true });
      report.sent++;
      continue;
    }
    const attempts = item.attempts + 1;
    const entry = failure ?? { url: maskHookUrl(item.url), reason: result.reason, kept: 0, gaveUp: 0 };
    entry.reason = result.reason;
    failed.set(item.url, entry);
    if (result.permanent || attempts >= MAX_RUNS) {
      await fs.writeFile(join(dir, `${item.key}.sent`), `gave up: ${result.reason}\n`, { mode: 0o600 });
      await fs.rm(claimed, { force: true });
      entry.gaveUp++;
    } else {
      await writeAtomic(dir, `${item.key}.json`, `${JSON.stringify({ ...item, attempts, lastError: result.reason }, null, 2)}\n`, {
        mode: 0o600,
      });
      await fs.rm(claimed, { force: true });
      entry.kept++;
    }
  }
  report.failures = [...failed.values()];
  return report;
}
