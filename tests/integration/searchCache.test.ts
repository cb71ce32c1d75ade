import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTeam, type Team } from '../helpers/team.js';

/**
 * The month cache of `async search` (store/monthCache.ts): the same answers cold and warm, and a
 * damaged file rebuilt from git rather than believed, however it is damaged.
 */
let team: Team;
const NOW = '2026-05-10T12:00:00Z';
let cache = '';

async function search(query: string): Promise<unknown> {
  const result = await team.run('bob', ['search', '--json', query], NOW);
  expect(result.code, result.stderr).toBe(0);
  return JSON.parse(result.stdout);
}

const monthFile = (month: string) => join(cache, `history-month-${month}.bin`);

/** The file's three sections, by the lengths its first line gives. */
function sections(path: string): { bytes: Buffer; header: number; text: number; json: number } {
  const bytes = readFileSync(path);
  const nl = bytes.indexOf(10);
  const [magic, h, t] = bytes.toString('latin1', 0, nl).split(' ');
  expect(magic).toBe('history-v3');
  const header = nl + 1;
  return { bytes, header, text: header + Number(h), json: header + Number(h) + Number(t) };
}

/** The sizes the first line gives add up to the file's, and the header is of a tree. */
function isWhole(path: string): boolean {
  const bytes = readFileSync(path);
  const nl = bytes.indexOf(10);
  const [, h, t, j] = bytes.toString('latin1', 0, nl).split(' ').map(Number);
  const header = JSON.parse(bytes.toString('utf8', nl + 1, nl + 1 + h!));
  return nl + 1 + h! + t! + j! === bytes.length && /^[0-9a-f]{40}$/.test(header.tree);
}

beforeAll(async () => {
  team = await makeTeam(
    [
      { handle: 'alice', tz: 'Europe/Berlin' },
      { handle: 'bob', tz: 'America/New_York' },
    ],
    '2026-03-02T08:00:00Z',
  );
  const writes: [string[], string][] = [
    [['update', '--done', 'Fed the Pelican', '--note', 'Pelicans everywhere.'], '2026-03-03T17:00:00Z'],
    [['update', '--done', 'Cleaned the aquarium'], '2026-03-04T17:00:00Z'],
    [['handoff', '--to', 'bob', '--ask', 'Watch the pelican pond'], '2026-04-06T17:00:00Z'],
    [['update', '--done', 'Nothing to do with birds'], '2026-04-07T17:00:00Z'],
  ];
  for (const [argv, at] of writes) {
    const result = await team.run('alice', argv, at);
    if (result.code !== 0) throw new Error(result.stderr);
  }
  expect((await team.run('bob', ['sync'], NOW)).code).toBe(0);
  cache = join(team.clone.bob!, '.git', 'async', 'cache');
});

afterAll(() => team?.cleanup());

describe('the search cache', () => {
  let cold: unknown;

  it('answers the same cold and warm, one file per month', async () => {
    rmSync(cache, { recursive: true, force: true });
    cold = await search('pelican');
    expect((cold as { entries: unknown[] }).entries).toHaveLength(2);
    expect(existsSync(monthFile('2026-03')) && existsSync(monthFile('2026-04'))).toBe(true);
    expect(await search('pelican')).toEqual(cold);
    expect(await search('PELICANS')).toEqual({
      ...(cold as object),
      query: 'PELICANS',
      entries: [(cold as { entries: unknown[] }).entries[1]],
    });
  });

  it('removes the first version’s files of a month it rewrites', async () => {
    writeFileSync(join(cache, 'history-2026-03.json'), '{}');
    writeFileSync(join(cache, 'history-text-2026-03.txt'), 'history-v1\n');
    rmSync(monthFile('2026-03'));
    expect(await search('pelican')).toEqual(cold);
    expect(readdirSync(cache).filter((name) => name.includes('2026-03'))).toEqual(['history-month-2026-03.bin']);
  });

  const damages: [string, (file: ReturnType<typeof sections>) => Buffer][] = [
    ['cut short', ({ bytes }) => bytes.subarray(0, bytes.length - 1)],
    ['padded', ({ bytes }) => Buffer.concat([bytes, Buffer.from(' ')])],
    ['not a JSON header', ({ bytes, header }) => Buffer.concat([bytes.subarray(0, header), Buffer.from('x'), bytes.subarray(header + 1)])],
    // The same length, so only the entry's own check can tell: JSON that does not parse.
    ['a hit whose JSON is garbage', ({ bytes, json }) => Buffer.concat([bytes.subarray(0, json), Buffer.alloc(bytes.length - json, 'x')])],
    // Valid JSON, not an entry.
    [
      'a hit whose JSON is not an entry',
      ({ bytes, json }) => {
        const copy = Buffer.from(bytes);
        copy.write('{"xd"', json, 'latin1');
        return copy;
      },
    ],
    [
      'an entry’s text without its line break',
      ({ bytes, json }) => {
        const copy = Buffer.from(bytes);
        copy[json - 1] = 0x20;
        return copy;
      },
    ],
    ['another version', ({ bytes }) => Buffer.concat([Buffer.from('history-v9'), bytes.subarray('history-v3'.length)])],
    [
      'of another tree of the month',
      ({ bytes }) => Buffer.from(bytes.toString('latin1').replace(/"tree":"[0-9a-f]/, '"tree":"_'), 'latin1'),
    ],
  ];
  for (const [what, damage] of damages) {
    it(`rebuilds a month file ${what}, never believing it`, async () => {
      const path = monthFile('2026-03');
      writeFileSync(path, damage(sections(path)));
      expect(await search('pelican')).toEqual(cold);
      // Rebuilt whole: the next search reads it as it should be.
      expect(isWhole(path)).toBe(true);
      expect(await search('pelican')).toEqual(cold);
    });
  }

  it('finds a new entry after the history grows, keeping the month’s other days', async () => {
    const wrote = await team.run('alice', ['update', '--done', 'Counted the pelicans'], '2026-04-20T17:00:00Z');
    expect(wrote.code, wrote.stderr).toBe(0);
    expect((await team.run('bob', ['sync'], NOW)).code).toBe(0);
    const grown = (await search('pelican')) as { entries: { id: string }[] };
    expect(grown.entries).toHaveLength(3);
    rmSync(cache, { recursive: true, force: true });
    expect(await search('pelican')).toEqual(grown);
  });
});
