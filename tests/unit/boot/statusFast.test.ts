import { describe, expect, it } from 'vitest';
import { parseStatusArgv } from '../../../src/statusFast.js';

/** The fast path answers only what it understands; everything else goes to the full program. */
describe('parseStatusArgv', () => {
  it.each<[string[], ReturnType<typeof parseStatusArgv>]>([
    [['status'], { json: false, prompt: false }],
    [['status', '--json'], { json: true, prompt: false }],
    [['-w', '/ws', '--as', 'bob', 'status', '--prompt'], { workspace: '/ws', as: 'bob', json: false, prompt: true }],
    [['--workspace=/ws', '--as=bob', '--no-color', 'status'], { workspace: '/ws', as: 'bob', json: false, prompt: false }],
    [['status', '--help'], undefined],
    [['status', '-w', '/ws'], { workspace: '/ws', json: false, prompt: false }],
    [['--json', 'status'], undefined],
    [['search', 'status'], undefined],
    [['-w', 'status'], undefined],
    [['-w', '--json', 'status'], undefined],
    [['status', 'status'], undefined],
    [['status', '--bogus'], undefined],
  ])('%j', (argv, expected) => {
    expect(parseStatusArgv(argv)).toEqual(expected);
  });
});
