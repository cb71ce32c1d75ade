#!/usr/bin/env node
/**
 * Runs a Node script in this process and reports its peak memory on stderr as `maxrss-kib=N`:
 * the fallback for machines without GNU time, where a parent cannot read a child's rusage.
 *
 *   node bench/lib/maxrss.js SCRIPT [ARGS...]
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const [script, ...args] = process.argv.slice(2);
// The script sees the argv it would have had if run directly.
process.argv = [process.argv[0], resolve(script), ...args];
process.on('exit', () => process.stderr.write(`\nmaxrss-kib=${process.resourceUsage().maxRSS}\n`));
await import(pathToFileURL(resolve(script)).href);
