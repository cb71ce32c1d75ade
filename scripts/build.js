// The build: tsc checks the types, esbuild bundles src/cli.ts into dist/ with a chunk per lazily
// loaded command. One file per start-up path instead of ~40 small modules: module resolution and
// loading were most of `async who`'s time (see bench/README.md).
import { build } from 'esbuild';
import { rmSync } from 'node:fs';

rmSync(new URL('../dist', import.meta.url), { recursive: true, force: true });
await build({
  entryPoints: ['src/cli.ts'],
  outdir: 'dist',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunks/[name]-[hash]',
  // CommonJS dependencies (commander) need `require` inside an ES module.
  banner: { js: "import { createRequire as __asyncCreateRequire } from 'node:module'; const require = __asyncCreateRequire(import.meta.url);" },
  logLevel: 'warning',
});
