import { execFileSync } from 'node:child_process';
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hookSnippet } from '../../../src/ui/hook.js';
import { makeSandbox } from '../../helpers/cli.js';

const box = makeSandbox();
afterAll(() => box.cleanup());

describe('hookSnippet', () => {
  it('bash: paths with spaces and quotes reach the command intact', () => {
    const dir = join(box.dir, "it's a dir");
    mkdirSync(dir);
    const node = join(dir, 'fake node');
    // Stands in for node: prints the arguments it was given, as a status line would be.
    writeFileSync(node, '#!/bin/sh\nprintf "ran:%s|" "$@"\n');
    chmodSync(node, 0o755);
    const bin = join(dir, 'bin "x".cjs');
    const text = hookSnippet('bash', { node, bin });
    const out = execFileSync(
      'bash',
      ['--norc', '--noprofile', '-c', `eval "$1"; __async_prompt_status; printf '%s' "$__async_status"`, 'bash', text],
      {
        encoding: 'utf8',
      },
    );
    expect(out).toBe(`ran:${bin}|ran:status|ran:--prompt| `);
  });

  it('zsh escapes % in the line (a prompt escape) and fish prints the line without its newline', () => {
    expect(hookSnippet('zsh', { node: '/n', bin: '/b' })).toContain(`__async_status=${'$'}{__async_status//\\%/%%}`);
    const fish = hookSnippet('fish', { node: "/it's/node", bin: '/b' });
    expect(fish).toContain("set -l line ('/it\\'s/node' '/b' status --prompt 2>/dev/null)");
    expect(fish).toContain('printf \'%s\' "$line"');
  });
});
