import type { Context } from '../context.js';
import type { Member } from '../core/types.js';
import type { SavedWho } from '../store/whoView.js';
import type { MemberNow } from '../tz/index.js';
import { colorEnabled, loadStyle } from '../ui/color.js';
import { renderWho } from '../ui/who.js';
import { renderCrowd } from '../ui/whoCrowd.js';
import { measureForCells } from '../ui/width.js';

/** What writing a `who` view needs of the context: the fast path (src/whoFast.ts) has no more. */
export interface WhoIo {
  env: Context['env'];
  stdout: { write(text: string): unknown; isTTY?: boolean; columns?: number };
  stderr: { write(text: string): unknown };
}

/**
 * The default view, from groups computed now or saved earlier (store/whoView.ts): one writer, so
 * a saved view prints exactly what computing it again would. Rows are rendered at `at`.
 */
export async function writeWhoView(
  io: WhoIo,
  view: Omit<SavedWho, 'stamp' | 'from' | 'until' | 'reader' | 'zones'> & { reader: Member | undefined },
  at: number,
  color: boolean | undefined,
): Promise<void> {
  const style = await loadStyle(colorEnabled(io, color));
  const width = io.stdout.isTTY ? terminalWidth(io) : Number(io.env.COLUMNS) > 0 ? Number(io.env.COLUMNS) : Number.POSITIVE_INFINITY;
  const rows = view.sections.flatMap((section) => section.rows);
  const layout = { width, measure: await measureOf(rows) };
  // Rendered whole before anything is written: the fast path can still give up (a zone its view lacks).
  const text =
    view.layout === 'all'
      ? renderWho(at, view.team, rows, view.reader, style, layout)
      : renderCrowd(at, view.team, view.total, view.sections, view.reader, style, layout);
  for (const warning of view.warnings) io.stderr.write(`warning: ${warning}\n`);
  io.stdout.write(text);
}

/** Names and holiday names are the only cells that may be more than ASCII. */
export function measureOf(rows: readonly MemberNow[]) {
  return measureForCells(rows.flatMap(({ member, status }) => [member.name, status.holiday ?? '']));
}

/**
 * The terminal's width; off a terminal COLUMNS when set, else 80 (the timeline needs a width; the
 * table is cut only for a terminal or an explicit COLUMNS, so a pipe gets whole lines, as with git).
 */
export function terminalWidth(io: Pick<WhoIo, 'env' | 'stdout'>): number {
  const tty = io.stdout.isTTY ? io.stdout.columns : undefined;
  const env = Number(io.env.COLUMNS);
  return tty && tty > 0 ? tty : Number.isInteger(env) && env > 0 ? env : 80;
}
