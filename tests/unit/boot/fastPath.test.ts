import { describe, expect, it } from 'vitest';
import { parseFastArgv } from '../../../src/fastPath.js';

/** What a fast path (src/whoFast.ts, src/statusFast.ts) takes on; anything else is the full program's. */
describe('parseFastArgv for who', () => {
  const parsed = (extra: { workspace?: string; as?: string; noColor?: boolean } = {}) => ({ noColor: false, flags: new Set(), ...extra });
  it.each<[string[], ReturnType<typeof parseFastArgv>]>([
    [['who'], parsed()],
    [['-w', '/ws', 'who'], parsed({ workspace: '/ws' })],
    [['who', '--as', 'bob', '--no-color'], parsed({ as: 'bob', noColor: true })],
    [['--workspace=/ws', '--as=bob', '--no-pager', 'who'], parsed({ workspace: '/ws', as: 'bob' })],
    [['who', '--all'], undefined],
    [['who', '--json'], undefined],
    [['who', '--timeline'], undefined],
    [['who', '--at', '09:00'], undefined],
    [['who', '--help'], undefined],
    [['who', 'extra'], undefined],
    [['who', 'who'], undefined],
    [['search', 'who'], undefined],
    [['who', '--as'], undefined],
    [['who', '--as', '--all'], undefined],
    [['-w', 'who'], undefined],
    [['--no-color'], undefined],
  ])('%j', (argv, expected) => {
    expect(parseFastArgv(argv, 'who', [])).toEqual(expected);
  });
});
