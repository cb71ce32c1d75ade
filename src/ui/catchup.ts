/** Catch-up renderers: terminal text, a Markdown digest, and the `--json` document. All pure. */
export { renderCatchupText } from './catchup/text.js';
export { renderCatchupMarkdown } from './catchup/markdown.js';
export { catchupJson, entryJson } from './catchup/json.js';
export { jsonText } from './json.js';
export type { CatchupMarkdownOptions, CatchupTextOptions } from './catchup/format.js';
