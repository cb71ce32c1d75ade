/** Where a command name resolves on the PATH, as a shell would find it: for hints that must work as printed. */
import { promises as fs, constants } from 'node:fs';
import { delimiter, isAbsolute, join } from 'node:path';

/** The real path of the first executable `name` on `path` (a PATH value), or undefined. */
export async function commandOnPath(name: string, path: string | undefined): Promise<string | undefined> {
  for (const dir of (path ?? '').split(delimiter)) {
    // An empty or relative PATH entry means "the current directory" to a shell: not a place to promise.
    if (dir === '' || !isAbsolute(dir)) continue;
    const candidate = join(dir, name);
    try {
      await fs.access(candidate, constants.X_OK);
      if ((await fs.stat(candidate)).isFile()) return await fs.realpath(candidate);
    } catch {
      // Not here: the next directory.
    }
  }
  return undefined;
}

/** The real path of a file, or the path itself when it cannot be resolved. */
export async function realPathOf(path: string): Promise<string> {
  return await fs.realpath(path).catch(() => path);
}
