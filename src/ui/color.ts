import { Chalk, type ChalkInstance } from 'chalk';
import type { Context } from '../context.js';

export type Style = ChalkInstance;

/**
 * Decided once, in this order: --no-color, NO_COLOR, FORCE_COLOR, then whether stdout is a
 * terminal. chalk's own detection ignores NO_COLOR and reads process globals, so we decide here.
 */
export function colorEnabled(ctx: Context, flag: boolean | undefined): boolean {
  if (flag === false) return false;
  if (ctx.env.NO_COLOR) return false;
  const force = ctx.env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return Boolean(ctx.stdout.isTTY) && ctx.env.TERM !== 'dumb';
}

export function makeStyle(enabled: boolean): Style {
  return new Chalk({ level: enabled ? 1 : 0 });
}
