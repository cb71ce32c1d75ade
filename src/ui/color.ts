import type { ChalkInstance } from 'chalk';
import type { Context } from '../context.js';

export type Style = ChalkInstance;

/**
 * Decided once, in this order: --no-color, NO_COLOR, FORCE_COLOR, then whether stdout is a
 * terminal. chalk's own detection ignores NO_COLOR and reads process globals, so we decide here.
 */
export function colorEnabled(ctx: { env: Context['env']; stdout: { isTTY?: boolean } }, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (ctx.env.NO_COLOR) return false;
  const force = ctx.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return Boolean(ctx.stdout.isTTY) && ctx.env.TERM !== 'dumb';
}

/** chalk is loaded only when colour is on: piped output and scripts never pay for it. */
export async function loadStyle(enabled: boolean): Promise<Style> {
  if (!enabled) return plain;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}

/** A style that paints nothing, chainable like chalk (`style.bold.red(text)`). */
export const plain: Style = new Proxy(((text: unknown) => String(text)) as unknown as Style, {
  // `then` must stay undefined, or `await loadStyle(false)` would treat the style as a promise.
  get: (target, key) => (key === 'then' ? undefined : key === 'level' ? 0 : key in Function.prototype ? Reflect.get(target, key) : plain),
});
