import { existsSync, realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * This node and this program's bin, as absolute paths: what a prompt hook or a timer must run,
 * whatever PATH holds then (a timer's PATH is not the shell's). Found from this file, in the
 * sources (src/store/) or the bundle (dist/), as templates are.
 */
export function selfCommand(): { node: string; bin: string } {
  for (const up of ['../../', '../']) {
    const path = fileURLToPath(new URL(`${up}bin/async.cjs`, import.meta.url));
    if (existsSync(path)) return { node: process.execPath, bin: realpathSync(path) };
  }
  throw new Error('the bin/async.cjs of this installation is missing');
}
