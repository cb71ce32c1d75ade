#!/usr/bin/env node
/**
 * Where the time goes in a `.cpuprofile` (from `node --cpu-prof`): self time per function and per
 * file, the biggest first. Enough to tell the owner which module to look at, without DevTools.
 *
 *   node bench/profile.js PROFILE.cpuprofile [--top 20]
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

export function summarize(profile, top = 20) {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map();
  // Samples are node ids; timeDeltas are the gaps before each sample, in microseconds.
  profile.samples.forEach((id, i) => {
    self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const total = [...self.values()].reduce((a, b) => a + b, 0);
  const fns = new Map();
  const files = new Map();
  for (const [id, us] of self) {
    const { functionName, url, lineNumber } = byId.get(id).callFrame;
    const file = shorten(url) || `(${functionName || 'native'})`;
    const fn = `${functionName || '(anonymous)'} ${file}${url ? `:${lineNumber + 1}` : ''}`;
    fns.set(fn, (fns.get(fn) ?? 0) + us);
    files.set(file, (files.get(file) ?? 0) + us);
  }
  const rows = (map) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, us]) => ({ ms: Math.round(us / 100) / 10, share: `${((100 * us) / total).toFixed(1)}%`, name }));
  return { totalMs: Math.round(total / 1000), functions: rows(fns), files: rows(files) };
}

/** Paths relative to the project or to node_modules, so the table stays readable. */
function shorten(url) {
  if (!url) return '';
  const path = url.replace(/^file:\/\//, '');
  const nm = path.lastIndexOf('/node_modules/');
  if (nm !== -1) return path.slice(nm + 1);
  const cwd = process.cwd();
  return path.startsWith(cwd) ? path.slice(cwd.length + 1) : path;
}

export function formatSummary(summary) {
  const table = (rows) => rows.map((r) => `  ${String(r.ms).padStart(8)} ms ${r.share.padStart(6)}  ${r.name}`).join('\n');
  return `sampled ${summary.totalMs} ms\nby file:\n${table(summary.files)}\nby function:\n${table(summary.functions)}\n`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const file = process.argv[2];
  if (!file) {
    process.stderr.write('usage: node bench/profile.js PROFILE.cpuprofile [--top N]\n');
    process.exit(2);
  }
  const topIndex = process.argv.indexOf('--top');
  const top = topIndex === -1 ? 20 : Number(process.argv[topIndex + 1]);
  process.stdout.write(formatSummary(summarize(JSON.parse(readFileSync(file, 'utf8')), top)));
}
