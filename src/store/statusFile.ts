import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { decodeReminder, decodeSummary, type PendingReminder, type StatusSummary } from '../core/status.js';
import { writeAtomic } from './fsafe.js';
import { REMINDER_FILE, SUMMARY_FILE } from './statusNames.js';
import type { Workspace } from './workspace.js';

/**
 * The files of `async status` and `async remind`, per clone under .git/async/ (SPEC §2): never
 * committed. status.json is a cache (losing it costs one recomputation); remind.json is the
 * reminder waiting to be shown in the prompt.
 */

const dirOf = (ws: Workspace) => join(ws.gitDir, 'async');

export async function readSummary(ws: Workspace): Promise<StatusSummary | undefined> {
  const text = await fs.readFile(join(dirOf(ws), SUMMARY_FILE), 'utf8').catch(() => undefined);
  return text === undefined ? undefined : decodeSummary(text);
}

/** Whether this clone keeps a summary at all (someone here uses `async status`). */
export async function hasSummary(ws: Workspace): Promise<boolean> {
  return fs.lstat(join(dirOf(ws), SUMMARY_FILE)).then(
    () => true,
    () => false,
  );
}

export async function writeSummary(ws: Workspace, summary: StatusSummary): Promise<void> {
  await writeAtomic(ws.gitDir, `async/${SUMMARY_FILE}`, `${JSON.stringify(summary)}\n`, { durable: false });
}

export async function readReminder(ws: Workspace): Promise<PendingReminder | undefined> {
  return decodeReminder(await fs.readFile(join(dirOf(ws), REMINDER_FILE), 'utf8').catch(() => undefined));
}

export async function writeReminder(ws: Workspace, reminder: PendingReminder): Promise<void> {
  await writeAtomic(ws.gitDir, `async/${REMINDER_FILE}`, `${JSON.stringify(reminder)}\n`, { durable: false });
}
