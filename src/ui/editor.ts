import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import { dirname } from 'node:path';
import type { Context } from '../context.js';
import { CancelledError, OperationError, UsageError } from '../errors.js';

/**
 * Opens $VISUAL / $EDITOR on `file` as git does: through the shell, so "code --wait" works, with
 * the file as a separate argument so its name is never parsed by the shell.
 */
export async function editFile(ctx: Context, file: string, initial: string): Promise<string> {
  const editor = ctx.env.VISUAL?.trim() || ctx.env.EDITOR?.trim() || (ctx.interactive ? 'vi' : undefined);
  if (!editor) throw new UsageError('--editor needs an editor: set $VISUAL or $EDITOR.', 'Or pass the content with flags or --from-file.');
  // .git/async/ is made by init and join; a clone made with plain `git clone` may not have it yet.
  await fs.mkdir(dirname(file), { recursive: true });
  await fs.writeFile(file, initial, 'utf8');
  const outcome = await new Promise<string | undefined>((resolve, reject) => {
    const child = spawn('sh', ['-c', `${editor} "$@"`, editor, file], { stdio: 'inherit', env: { ...ctx.env } as NodeJS.ProcessEnv });
    child.on('error', reject);
    child.on('exit', (status, signal) =>
      resolve(signal ? `was stopped by ${signal}` : status === 0 ? undefined : `exited with status ${status ?? 1}`),
    );
  });
  if (outcome)
    throw new OperationError(
      `The editor (${editor}) ${outcome}; nothing was written.`,
      `Your text is kept in ${file}: the next --editor reopens it.`,
    );
  const text = await fs.readFile(file, 'utf8');
  // As git aborts a commit whose message was emptied: an empty file is how you cancel from the editor.
  if (text.trim() === '') throw new CancelledError('Cancelled: the editor left the file empty; nothing was written.');
  return text;
}
