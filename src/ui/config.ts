import { jsonText } from './json.js';
import { sanitizeInline } from './sanitize.js';

/** What `async config` shows: each value with what chose it. */
export interface ConfigView {
  workspace: string;
  workspaceSource: string;
  handle: string | null;
  handleSource: string | null;
  remote: string | null;
  defaultWorkspace: string | null;
  configFile: string;
}

export function configJson(view: ConfigView): string {
  return jsonText(view);
}

export function renderConfig(view: ConfigView): string {
  const rows: [string, string][] = [
    ['workspace', `${view.workspace} (from ${view.workspaceSource})`],
    [
      'handle',
      view.handle === null
        ? "nobody: pass --as HANDLE, set ASYNC_USER, or run 'async join'"
        : `${view.handle} (from ${view.handleSource ?? 'unknown'})`,
    ],
    ['remote', view.remote === null ? 'none (no origin)' : `${view.remote} (origin)`],
    ['default', view.defaultWorkspace === null ? `none (in ${view.configFile})` : `${view.defaultWorkspace} (in ${view.configFile})`],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  // Paths and the remote URL come from the environment and git config: printable before shown.
  return `${rows.map(([label, value]) => `${label.padEnd(width)}  ${sanitizeInline(value)}`).join('\n')}\n`;
}
