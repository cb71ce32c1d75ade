import { promises as fs } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sanitizeInline } from '../core/sanitize.js';
import { readInside } from './fsafe.js';
import type { Workspace } from './workspace.js';

/** A workspace's own `templates/<kind>.md` wins over the built-in one; links are never followed. */
export async function loadTemplate(ws: Workspace, kind: 'update' | 'handoff'): Promise<{ text: string; warning?: string }> {
  const rel = `templates/${kind}.md`;
  try {
    return { text: await readInside(ws.root, rel, 64 << 10) };
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    const builtIn = await fs.readFile(fileURLToPath(new URL(`../../templates/${kind}.md`, import.meta.url)), 'utf8');
    return missing ? { text: builtIn } : { text: builtIn, warning: sanitizeInline(`ignored ${rel}: ${(error as Error).message}; using the built-in template.`) };
  }
}
