import { describe, expect, it } from 'vitest';
import { decodeCloneState } from '../../../src/store/state.js';

const HEAD = 'a'.repeat(40);

describe('decodeCloneState: keeps what is valid, names the rest', () => {
  it.each([
    [
      'a good state',
      { handle: 'ana', marks: { ana: { at: '2026-11-24T12:00:00.000Z', head: HEAD } }, pending: ['entries/2026/11/24/x.md'] },
      { handle: 'ana', marks: { ana: { at: '2026-11-24T12:00:00.000Z', head: HEAD } }, pending: ['entries/2026/11/24/x.md'] },
      0,
    ],
    ['an empty object', {}, {}, 0],
    ['not an object', ['a'], {}, 1],
    ['null', null, {}, 1],
    [
      'a mark time that does not parse is dropped, the others kept',
      { marks: { ana: { at: 'garbage' }, bob: { at: '2026-11-24T12:00:00Z' } } },
      { marks: { bob: { at: '2026-11-24T12:00:00Z' } } },
      1,
    ],
    ['a mark time of the wrong type', { marks: { ana: { at: 12 } } }, { marks: {} }, 1],
    [
      'a mark head that is not a commit id is dropped, the time kept',
      { marks: { ana: { at: '2026-11-24T12:00:00Z', head: '--upload-pack=x' } } },
      { marks: { ana: { at: '2026-11-24T12:00:00Z' } } },
      0,
    ],
    ['marks that are not an object', { marks: 'x' }, {}, 1],
    ['a handle that is a number', { handle: 7, pending: [] }, { pending: [] }, 1],
    ['a handle that is not a handle', { handle: 'Ana Smith' }, {}, 1],
    [
      'journal lines that are not strings are dropped',
      { pending: ['entries/2026/11/24/x.md', 3, null] },
      { pending: ['entries/2026/11/24/x.md'] },
      1,
    ],
    ['a journal that is not a list', { pending: 'entries/x.md' }, {}, 1],
  ])('%s', (_name, input, expected, problems) => {
    const decoded = decodeCloneState(input);
    expect(JSON.parse(JSON.stringify(decoded.state))).toEqual(expected);
    expect(decoded.problems).toHaveLength(problems);
  });
});
