import { spawn } from 'node:child_process';
import { promises as fs } from 'node:fs';
import type { Context } from '../context.js';
import { OperationError, UsageError } from '../errors.js';

/**
 * Opens $VISUAL / $EDITOR on `file` as git does: through the shell, so "code --wait" works, with
 * the file as a separate argument so its name is never parsed by the shell.
 */
export async function editFile(ctx: Context, file: string, initial: string): Promise<string> {
  const editor = ctx.env.VISUAL?.trim() || ctx.env.EDITOR?.trim() || (ctx.interactive ? 'vi' : undefined);
  if (!editor) throw new UsageError('--editor needs an editor: set $VISUAL or $EDITOR.', 'Or pass the content with flags or --from-file.');
  await fs.writeFile(file, initial, 'utf8');
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn('sh', ['-c', `${editor} "$@"`, editor, file], { stdio: 'inherit', env: { ...ctx.env } as NodeJS.ProcessEnv });
    child.on('error', reject);
    child.on('exit', (status, signal) => resolve(signal ? 128 : (status ?? 1)));
  });
  if (code !== 0) throw new OperationError(`The editor (${editor}) exited with status ${code}; nothing was written.`, `Your text is kept in ${file}.`);
  return fs.readFile(file, 'utf8');
}
