#!/usr/bin/env node
/**
 * The least work a catchup over a time window can do in Node, as the yardstick for figure 1:
 * list the UTC day folders the window touches, read those entry files, parse their front matter
 * with the same YAML library the CLI uses, keep the entries created after `since` that are not the
 * reader's own (SPEC §4 catchup with --since), print JSON. No validation, no ordering by
 * importance, no roster: whatever the CLI costs beyond this is its own overhead.
 *
 *   node bench/reference.js WORKSPACE [--since 36h|ISO] [--as HANDLE]
 *
 * The clock is ASYNC_NOW when set (as for the CLI); the reader is --as, ASYNC_USER, or the handle
 * recorded in .git/async/state.json.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse } from 'yaml';

const DAY = 86_400_000;
const UNITS = { m: 60_000, h: 3_600_000, d: DAY, w: 7 * DAY };

/** `36h`, `2d`, `1w`, `90m` back from `now`, or an ISO 8601 date or instant. */
export function parseSince(text, now) {
  const m = /^(\d+)([mhdw])$/.exec(text);
  if (m) return now - Number(m[1]) * UNITS[m[2]];
  const ms = Date.parse(text);
  if (!Number.isFinite(ms)) throw new RangeError(`--since ${text}: not a duration or an ISO time`);
  return ms;
}

/** `entries/YYYY/MM/DD` for each UTC day from `from` to `to`, inclusive. */
export function dayFolders(from, to) {
  const folders = [];
  for (let day = Math.floor(from / DAY) * DAY; day <= to; day += DAY) {
    const iso = new Date(day).toISOString();
    folders.push(`entries/${iso.slice(0, 4)}/${iso.slice(5, 7)}/${iso.slice(8, 10)}`);
  }
  return folders;
}

/** Front matter and body of an entry file; undefined when there is no front matter. */
function split(text) {
  if (!text.startsWith('---\n')) return undefined;
  const end = text.indexOf('\n---', 3);
  if (end === -1) return undefined;
  const after = text.indexOf('\n', end + 4);
  return { yaml: text.slice(4, end + 1), notes: after === -1 ? '' : text.slice(after + 1).trim() };
}

export async function readWindow({ dir, since, now, reader }) {
  const files = (
    await Promise.all(
      dayFolders(since, now).map(async (folder) => {
        const names = await readdir(join(dir, folder)).catch(() => []);
        return names.filter((name) => name.endsWith('.md')).map((name) => join(dir, folder, name));
      }),
    )
  ).flat();
  const entries = [];
  const warnings = [];
  await Promise.all(
    files.map(async (file) => {
      const parts = split(await readFile(file, 'utf8'));
      let front;
      try {
        front = parts && parse(parts.yaml);
      } catch (error) {
        warnings.push(`skipped ${file}: ${error.message}`);
        return;
      }
      if (!front || typeof front !== 'object') return void warnings.push(`skipped ${file}: no front matter`);
      if (front.author === reader || !(Date.parse(front.created) > since)) return;
      entries.push({ ...front, notes: parts.notes });
    }),
  );
  // File reads finish in any order; a stable order makes outputs comparable.
  entries.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { since: new Date(since).toISOString(), until: new Date(now).toISOString(), entries, warnings };
}

async function readerOf(dir) {
  try {
    return JSON.parse(await readFile(join(dir, '.git', 'async', 'state.json'), 'utf8')).handle;
  } catch {
    return undefined;
  }
}

async function cli(argv) {
  const args = [...argv];
  const take = (flag) => {
    const i = args.indexOf(flag);
    return i === -1 ? undefined : args.splice(i, 2)[1];
  };
  const sinceText = take('--since') ?? '36h';
  const as = take('--as');
  const dir = resolve(args[0] ?? process.env.ASYNC_WORKSPACE ?? '.');
  const now = process.env.ASYNC_NOW ? Date.parse(process.env.ASYNC_NOW) : Date.now();
  const reader = as ?? (process.env.ASYNC_USER || undefined) ?? (await readerOf(dir));
  const result = await readWindow({ dir, since: parseSince(sinceText, now), now, reader });
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) await cli(process.argv.slice(2));
