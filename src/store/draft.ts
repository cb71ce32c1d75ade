import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import { MAX_TEMPLATE_CHARS } from '../core/template.js';
import { readRegularFile, writeAtomic } from './fsafe.js';
import type { Workspace } from './workspace.js';

/**
 * What you were writing and did not post, per kind, in this clone only (`.git/async/EDIT_<KIND>.md`,
 * the file `--editor` edits): kept when you cancel at the confirmation or the editor fails, reopened
 * by the next `--editor`, removed once an entry of that kind is posted. Nothing typed is lost.
 */
export type DraftKind = 'update' | 'handoff' | 'decision';

export function draftPath(ws: Workspace, kind: DraftKind): string {
  return join(ws.gitDir, 'async', `EDIT_${kind.toUpperCase()}.md`);
}

/** The draft's text, or undefined when there is none (or only whitespace, or it is not a plain file). */
export async function readDraft(ws: Workspace, kind: DraftKind): Promise<string | undefined> {
  const text = await readRegularFile(draftPath(ws, kind), MAX_TEMPLATE_CHARS * 4, { followLinks: false }).catch(() => undefined);
  return text !== undefined && text.trim() !== '' ? text : undefined;
}

export async function saveDraft(ws: Workspace, kind: DraftKind, text: string): Promise<string> {
  const dir = join(ws.gitDir, 'async');
  await fs.mkdir(dir, { recursive: true });
  await writeAtomic(dir, `EDIT_${kind.toUpperCase()}.md`, text);
  return draftPath(ws, kind);
}

export async function dropDraft(ws: Workspace, kind: DraftKind): Promise<void> {
  await fs.rm(draftPath(ws, kind), { force: true });
}
