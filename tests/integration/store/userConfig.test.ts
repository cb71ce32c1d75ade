import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Context } from '../../../src/context.js';
import { readUserConfig, setDefaultWorkspace, writeUserConfig } from '../../../src/store/config.js';

/** The per-user config.json: writing one key keeps every other key, ours or a newer version's. */
let dir: string;
let ctx: Context;
const file = () => join(dir, 'async', 'config.json');
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'async-config-'));
  ctx = { env: { XDG_CONFIG_HOME: dir } } as unknown as Context;
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('the user config', () => {
  it('setDefaultWorkspace keeps repos and keys it does not know', async () => {
    mkdirSync(join(dir, 'async'));
    writeFileSync(file(), JSON.stringify({ workspace: '/old', repos: ['/src/a'], future: { x: 1 } }));
    // '/old' does not exist, so there is nothing to name as replaced.
    expect(await setDefaultWorkspace(ctx, '/new')).toEqual({});
    expect(JSON.parse(readFileSync(file(), 'utf8'))).toEqual({ workspace: '/new', repos: ['/src/a'], future: { x: 1 } });
  });

  it('setDefaultWorkspace names the default it replaces while that folder still exists', async () => {
    const old = join(dir, 'old-team');
    mkdirSync(old);
    await setDefaultWorkspace(ctx, old);
    expect(await setDefaultWorkspace(ctx, old)).toEqual({});
    expect(await setDefaultWorkspace(ctx, join(dir, 'new-team'))).toEqual({ previous: old });
  });

  it('writeUserConfig sets one key and keeps the workspace; readUserConfig reads both', async () => {
    await setDefaultWorkspace(ctx, '/ws');
    await writeUserConfig(ctx, { repos: ['/src/a', '/src/b'] });
    expect(await readUserConfig(ctx)).toEqual({ workspace: '/ws', repos: ['/src/a', '/src/b'] });
  });

  it.each([
    ['not JSON', '{', {}],
    ['an array', '["x"]', {}],
    ['repos of the wrong type are dropped one by one', '{"repos":["/a",3,null],"workspace":7}', { repos: ['/a'] }],
  ])('reads %s as far as it is valid', async (_name, text, expected) => {
    mkdirSync(join(dir, 'async'));
    writeFileSync(file(), text);
    expect(await readUserConfig(ctx)).toEqual(expected);
  });
});
