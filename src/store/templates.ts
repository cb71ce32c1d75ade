import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sanitizeInline } from '../core/sanitize.js';
import { readInside } from './fsafe.js';
import type { Workspace } from './workspace.js';

/**
 * Template headings are matched by a regular expression that backtracks badly on a long line (a
 * 5,000-character heading took 40 s), and a team template is anyone's to write: headings are short.
 */
const MAX_HEADING_CHARS = 120;

/** A workspace's own `templates/<kind>.md` wins over the built-in one; links are never followed. */
export async function loadTemplate(ws: Workspace, kind: 'update' | 'handoff' | 'decision'): Promise<{ text: string; warning?: string }> {
  const rel = `templates/${kind}.md`;
  try {
    const text = await readInside(ws.root, rel, 64 << 10);
    if (text.split('\n').some((line) => line.startsWith('#') && line.length > MAX_HEADING_CHARS)) {
      throw new Error(`a heading is longer than ${MAX_HEADING_CHARS} characters`);
    }
    return { text };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const builtIn = await readBuiltIn(kind);
    return missing
      ? { text: builtIn }
      : { text: builtIn, warning: sanitizeInline(`ignored ${rel}: ${(error as Error).message}; using the built-in template.`) };
  }
}

/**
 * The package's own templates/ folder: two levels up from src/store (tests) or from
 * dist/chunks (the bundle), one from dist; the first that has the file.
 */
async function readBuiltIn(kind: string): Promise<string> {
  for (const up of ['../../', '../']) {
    const text = await fs.readFile(fileURLToPath(new URL(`${up}templates/${kind}.md`, import.meta.url)), 'utf8').catch(() => undefined);
    if (text !== undefined) return text;
  }
  throw new Error(`the built-in ${kind} template is missing from the installation`);
}
