import { randomInt } from 'node:crypto';
import { join } from 'node:path';
import type { Context } from '../context.js';
import { serializeEntry } from '../core/entry.js';
import { emptyFields, fillTemplate, parseTemplate, type ComposedFields } from '../core/template.js';
import type { Entry, Member } from '../core/types.js';
import { CancelledError, UsageError } from '../errors.js';
import { writeEntry } from '../store/entries.js';
import { commitChange, markPending, publish, recoverPending } from '../store/publish.js';
import type { Session } from '../store/session.js';
import { loadTemplate } from '../store/templates.js';
import { colorEnabled, loadStyle } from '../ui/color.js';
import { askConfirm } from '../ui/prompt.js';
import { renderPreview } from '../ui/preview.js';
import { describePush } from './pushMessage.js';

/** Shared by update and handoff: where the text comes from, and how an entry is posted. */
export interface WriteOptions {
  done?: string[];
  next?: string[];
  blocker?: string[];
  note?: string;
  tag?: string[];
  link?: string[];
  editor?: boolean;
  fromFile?: string;
  push?: boolean;
  yes?: boolean;
  color?: boolean;
}

export const collect = (value: string, previous: string[] = []): string[] => [...previous, value];

export function fieldsFromFlags(options: WriteOptions & { to?: string[]; ask?: string[] }): ComposedFields {
  return {
    ...emptyFields(),
    to: options.to ?? [],
    asks: options.ask ?? [],
    done: options.done ?? [],
    next: options.next ?? [],
    blockers: options.blocker ?? [],
    tags: options.tag ?? [],
    links: options.link ?? [],
    notes: options.note ?? '',
  };
}

/** `--from-file F` (or `-` for stdin, read only because it was asked for) or `--editor`. */
export async function fieldsFromText(ctx: Context, session: Session, kind: 'update' | 'handoff', options: WriteOptions, prefill: ComposedFields): Promise<ComposedFields | undefined> {
  if (options.fromFile !== undefined && options.editor) throw new UsageError('Pass either --from-file or --editor, not both.');
  if (options.fromFile !== undefined) {
    const { readFile } = await import('node:fs/promises');
    const text = options.fromFile === '-' ? await readStream(ctx.stdin) : await readFile(join(ctx.cwd, options.fromFile), 'utf8').catch(() => {
      throw new UsageError(`Cannot read --from-file ${options.fromFile}.`, 'Check the path.');
    });
    return mergeFlags(parseTemplate(text), prefill);
  }
  if (!options.editor) return undefined;
  const { text: template, warning } = await loadTemplate(session.ws, kind);
  if (warning) ctx.stderr.write(`warning: ${warning}\n`);
  const { editFile } = await import('../ui/editor.js');
  const edited = await editFile(ctx, join(session.ws.gitDir, 'async', `EDIT_${kind.toUpperCase()}.md`), fillTemplate(template, prefill));
  return parseTemplate(edited);
}

/** Flags given alongside a file add to it (recipients from --to win). */
function mergeFlags(parsed: ComposedFields, flags: ComposedFields): ComposedFields {
  return {
    to: flags.to.length > 0 ? flags.to : parsed.to,
    asks: [...parsed.asks, ...flags.asks],
    done: [...parsed.done, ...flags.done],
    next: [...parsed.next, ...flags.next],
    blockers: [...parsed.blockers, ...flags.blockers],
    tags: [...parsed.tags, ...flags.tags],
    links: [...parsed.links, ...flags.links],
    notes: [parsed.notes, flags.notes].filter(Boolean).join('\n\n'),
  };
}

async function readStream(stream: NodeJS.ReadableStream): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk as Buffer));
  return Buffer.concat(chunks).toString('utf8');
}

export function random(): number {
  return randomInt(0, 2 ** 31) / 2 ** 31;
}

/** Preview and confirm on a terminal, then write, commit and push. */
export async function postEntry(ctx: Context, session: Session, me: Member, entry: Entry, options: WriteOptions): Promise<void> {
  const style = await loadStyle(colorEnabled(ctx, options.color));
  if (ctx.interactive && !options.yes) {
    ctx.stdout.write(`\n${renderPreview(entry, style)}\n`);
    if (!(await askConfirm(ctx, `Post this ${entry.kind}?`, true))) throw new CancelledError();
  }
  const text = serializeEntry(entry);
  await recoverPending(session.ws, me);
  const { entryRelPath } = await import('../core/entry.js');
  const rel = entryRelPath(entry.id);
  await markPending(session.ws, [rel]);
  await writeEntry(session.ws, entry, text);
  await commitChange(session.ws, [rel], commitMessage(entry), me);
  const { withSpinner } = await import('../ui/spinner.js');
  const report = await withSpinner(ctx, 'Pushing…', () => publish(session.ws, { noPush: options.push === false }));
  ctx.stdout.write(`Wrote ${rel}. ${describePush(report.state)}\n`);
}

function commitMessage(entry: Entry): string {
  const subject = entry.kind === 'handoff' ? `handoff: ${entry.author} → ${entry.to.join(', ')}` : entry.kind === 'ack' ? `ack: ${entry.author} acknowledges ${entry.ref}` : `update: ${entry.author}`;
  return `${subject}\n\nEntry ${entry.id}\n`;
}
