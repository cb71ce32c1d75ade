import type { Context } from '../context.js';
import { CancelledError, UsageError } from '../errors.js';

/**
 * Every prompt has a flag. Off a terminal a missing value fails at once, naming the flag: we never
 * wait on stdin (an open pipe that never sends would hang a script forever).
 */
export async function askText(
  ctx: Context,
  flag: string,
  message: string,
  options: { default?: string; validate?: (value: string) => string | true } = {},
): Promise<string> {
  if (!ctx.interactive) throw missing(flag, message);
  const { input } = await import('@inquirer/prompts');
  return cancellable(() => input({ message, default: options.default, validate: options.validate, required: true }, promptIo(ctx)));
}

/** A free-text answer that may be left empty (prompts only run on a terminal). */
export async function askOptional(ctx: Context, message: string): Promise<string> {
  const { input } = await import('@inquirer/prompts');
  return cancellable(() => input({ message, default: '' }, promptIo(ctx)));
}

export async function askConfirm(ctx: Context, message: string, fallback: boolean): Promise<boolean> {
  if (!ctx.interactive) return fallback;
  const { confirm } = await import('@inquirer/prompts');
  return cancellable(() => confirm({ message, default: fallback }, promptIo(ctx)));
}

/** One of a few choices, the first the default (Enter). */
export async function askChoice<T extends string>(
  ctx: Context,
  message: string,
  choices: readonly { value: T; name: string }[],
): Promise<T> {
  const { select } = await import('@inquirer/prompts');
  return cancellable(() => select<T>({ message, choices: [...choices], default: choices[0]?.value }, promptIo(ctx)));
}

/** Asks for items one per line until an empty line; `initial` items are offered first. */
export async function askList(ctx: Context, message: string, initial: readonly string[] = []): Promise<string[]> {
  const { input, checkbox } = await import('@inquirer/prompts');
  const items: string[] = [];
  if (initial.length > 0) {
    const kept = await cancellable(() =>
      checkbox(
        {
          message: `${message} (from your last "next"; space toggles, enter accepts)`,
          choices: initial.map((value) => ({ value, checked: false })),
        },
        promptIo(ctx),
      ),
    );
    items.push(...kept);
  }
  for (;;) {
    // The hint stays on the first follow-up too: that is where people wonder how to stop.
    const hint = items.length <= 1 ? ' (empty line to finish)' : '';
    const message_ = items.length === 0 ? `${message}${hint}` : `  …and${hint}`;
    // A follow-up's prompt line is cleared once answered and the item written as a list line, so
    // the empty answer that ends the list leaves no line behind.
    const io = items.length === 0 ? promptIo(ctx) : { ...promptIo(ctx), clearPromptOnDone: true };
    const line = await cancellable(() => input({ message: message_, default: '' }, io));
    if (line.trim() === '') return items;
    if (items.length > 0) ctx.stdout.write(`  …and ${line.trim()}\n`);
    items.push(line.trim());
  }
}

export function missing(flag: string, what: string): UsageError {
  return new UsageError(
    `Missing ${flag}: ${what.replace(/[?:]\s*$/, '').toLowerCase()} is required and there is no terminal to ask on.`,
    `Pass ${flag}.`,
  );
}

function promptIo(ctx: Context) {
  return { input: ctx.stdin, output: ctx.stdout };
}

async function cancellable<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError')) throw new CancelledError();
    throw error;
  }
}
