import { describe, expect, it } from 'vitest';
import { DEFAULT_NETWORK_TIMEOUT_S, networkTimeoutMs } from '../../../src/store/network.js';

describe('networkTimeoutMs: the overall limit on a remote git, from ASYNC_NETWORK_TIMEOUT', () => {
  it.each([
    ['unset: the default', 'fetch', {}, DEFAULT_NETWORK_TIMEOUT_S * 1000],
    ['empty: the default', 'push', { ASYNC_NETWORK_TIMEOUT: '' }, DEFAULT_NETWORK_TIMEOUT_S * 1000],
    ['seconds', 'push', { ASYNC_NETWORK_TIMEOUT: '5' }, 5000],
    ['fractions of a second', 'ls-remote', { ASYNC_NETWORK_TIMEOUT: '1.5' }, 1500],
    ['0 turns it off', 'fetch', { ASYNC_NETWORK_TIMEOUT: '0' }, 0],
    ['garbage turns it off rather than killing every fetch at once', 'fetch', { ASYNC_NETWORK_TIMEOUT: 'soon' }, 0],
    ['a clone has no overall limit (a big workspace takes minutes)', 'clone', { ASYNC_NETWORK_TIMEOUT: '5' }, 0],
  ] as const)('%s', (_name, verb, env, expected) => {
    expect(networkTimeoutMs(verb, env)).toBe(expected);
  });
});
