/**
 * The catch-up's open-blocker sections (SPEC §7): "Escalated" at the top, "Open blockers" after the
 * new blockers. One line per blocker, for the terminal and for Markdown; kept here, apart from the
 * entry sections, so other sections can be added beside them without touching these.
 */
import type { CatchupView } from '../../core/catchup.js';
import type { OpenBlocker } from '../../core/openBlockers.js';
import { sanitizeInline as clean } from '../sanitize.js';
import { formatDuration } from '../time.js';
import type { Style } from '../color.js';
import { shorten } from './format.js';

const DAY_MS = 86_400_000;

/** "open 3d" past a day (the hours no longer matter), "open 5h 20m" before. */
export function openAge(ageMs: number): string {
  return `open ${ageMs >= DAY_MS ? `${Math.floor(ageMs / DAY_MS)}d` : formatDuration(ageMs)}`;
}

/** The command that closes it, to copy. */
export function resolveCommand(item: OpenBlocker): string {
  return `async resolve ${item.entry.id}`;
}

/** The terminal's blocks: [escalated, open], each absent when empty. */
export function blockerBlocksText(view: CatchupView, style: Style): { escalated?: string; open?: string } {
  const lines = (items: readonly OpenBlocker[], tone: (s: string) => string) =>
    items.map((item) => {
      const parts = [style.bold(clean(item.entry.author)), tone(openAge(item.ageMs)), `“${shorten(clean(item.entry.blockers[0] ?? ''))}”`];
      if (item.entry.blockers.length > 1) parts.push(style.dim(`+${item.entry.blockers.length - 1} more`));
      if (item.concernsYou) parts.push(style.red.bold('concerns you'));
      parts.push(style.cyan(resolveCommand(item)));
      return `  ${parts.join(' · ')}`;
    });
  const escalated = view.escalated ?? [];
  const open = view.openBlockers ?? [];
  const after = view.escalateAfter ? ` · open longer than ${clean(view.escalateAfter)}` : '';
  return {
    ...(escalated.length > 0
      ? {
          escalated: [
            `${style.bold.red('Escalated')} ${style.dim(`(${escalated.length}${after})`)}`,
            ...lines(escalated, style.red.bold),
          ].join('\n'),
        }
      : {}),
    ...(open.length > 0
      ? { open: [`${style.bold.yellow('Open blockers')} ${style.dim(`(${open.length})`)}`, ...lines(open, style.yellow)].join('\n') }
      : {}),
  };
}

/** The Markdown digest's sections, as lines (each section starts with a blank line). */
export function blockerSectionsMarkdown(view: CatchupView, when: (ms: number) => string): { escalated: string[]; open: string[] } {
  const items = (list: readonly OpenBlocker[]) =>
    list.map((item) => {
      const more = item.entry.blockers.length > 1 ? ` (+${item.entry.blockers.length - 1} more)` : '';
      const you = item.concernsYou ? ' · concerns you' : '';
      return `- **${clean(item.entry.author)}** · ${openAge(item.ageMs)} (since ${when(item.sinceMs)}) · “${shorten(clean(item.entry.blockers[0] ?? ''))}”${more}${you} · \`${resolveCommand(item)}\``;
    });
  const escalated = view.escalated ?? [];
  const open = view.openBlockers ?? [];
  const after = view.escalateAfter ? ` (open longer than ${clean(view.escalateAfter)})` : '';
  return {
    escalated: escalated.length > 0 ? ['', `## Escalated${after}`, '', ...items(escalated)] : [],
    open: open.length > 0 ? ['', '## Open blockers', '', ...items(open)] : [],
  };
}
