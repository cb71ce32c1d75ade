import { describe, expect, it } from 'vitest';
import { handleError, isValidHandle } from '../../../src/core/handle.js';

describe('handles', () => {
  it.each([
    'alice',
    'bob',
    'a',
    '0',
    '7of9',
    'mary-jane',
    'o_brien',
    'a-',
    'x'.repeat(32),
    'console',
    'com10',
    'lpt',
    'meg',
    'allison',
    'nul1',
  ])('%s is valid', (handle) => {
    expect(isValidHandle(handle)).toBe(true);
    expect(handleError(handle)).toBeNull();
  });

  it.each([
    ['', /empty/],
    ['x'.repeat(33), /longer than 32/],
    ['Alice', /lowercase: use "alice"/],
    ['-alice', /start with/],
    ['_alice', /start with/],
    ['al ice', /only a-z/],
    ['al.ice', /only a-z/],
    ['../etc', /only a-z/],
    ['a/b', /only a-z/],
    ['a\\b', /only a-z/],
    ['ali\u0000ce', /only a-z/],
    ['alice\n', /only a-z/],
    ['élodie', /only a-z/],
    ['аlice', /only a-z/], // Cyrillic а
    ['--upload-pack=x', /start with/],
    ['con', /device name/],
    ['prn', /device name/],
    ['aux', /device name/],
    ['nul', /device name/],
    ['com1', /device name/],
    ['com9', /device name/],
    ['lpt1', /device name/],
    ['lpt0', /device name/],
    ['me', /reserved/],
    ['all', /reserved/],
    ['everyone', /reserved/],
    ['here', /reserved/],
  ])('%j is refused with a reason', (handle, reason) => {
    expect(isValidHandle(handle)).toBe(false);
    const error = handleError(handle);
    expect(error).toMatch(reason);
    expect(error).toMatch(/\.$/);
  });

  it.each([undefined, null, 42, ['alice'], { handle: 'alice' }])('%j is not a handle', (value) => {
    expect(isValidHandle(value)).toBe(false);
  });
});
