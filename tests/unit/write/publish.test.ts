import { describe, expect, it } from 'vitest';
import { OperationError } from '../../../src/errors.js';
import { identityEnv, isMissingIdentity } from '../../../src/store/git.js';
import { identityOf } from '../../../src/store/publish.js';
import { backoffMs, RACE_BUDGET_MS, retryRace, STALLED_ATTEMPTS } from '../../../src/store/remote.js';
import { fileFailure } from '../../../src/store/transaction.js';

const errno = (code: string, message = `${code}: something, write`) => Object.assign(new Error(message), { code });

describe('fileFailure: a filesystem error while writing an entry becomes one sentence (exit 1)', () => {
  it.each([
    ['ENOSPC', 'the disk is full', 'Free some space'],
    ['EDQUOT', 'your disk quota is used up', 'Free some space'],
    ['EACCES', 'permission denied', 'Check that you can write to the workspace'],
    ['EPERM', 'the operation is not permitted', 'Check that you can write to the workspace'],
    ['EROFS', 'the file system is read-only', 'writable clone'],
    ['EIO', 'EIO: something, write', 'Check the workspace'],
  ])('%s', (code, reason, hint) => {
    const error = fileFailure(errno(code), 'entries/2026/11/24/x.md');
    expect(error).toBeInstanceOf(OperationError);
    expect(error.exitCode).toBe(1);
    expect(error.message).toBe(`Could not write entries/2026/11/24/x.md: ${reason}.`);
    expect(error.hint).toContain(hint);
    expect(error.hint).toMatch(/Nothing was committed\.$/);
    expect(`${error.message} ${error.hint}`).not.toContain('\n');
  });

  it('keeps an OperationError that already explains itself (a symlink refused by the safe writer)', () => {
    const own = new OperationError('Refusing to write entries/x.md: it goes through a symbolic link.');
    expect(fileFailure(own, 'entries/x.md')).toBe(own);
  });

  it('copes with something that is not an Error', () => {
    expect(fileFailure('weird', 'x.md').message).toBe('Could not write x.md: weird.');
  });
});

// That many writers at once all land, and that a remote that keeps moving ends at the budget, is
// checked against real git in tests/integration/write/concurrency.
describe('push retries', () => {
  it('wait a random time under a doubling ceiling of at most 1.5 s (full jitter)', () => {
    expect([1, 2, 3, 4, 5, 30, 200].map((attempt) => backoffMs(attempt, () => 1))).toEqual([100, 200, 400, 800, 1500, 1500, 1500]);
    expect(backoffMs(7, () => 0)).toBe(0);
    expect(backoffMs(3, () => 0.5)).toBe(200);
  });

  it('go on while others keep landing, whatever the number of tries, until the budget is spent', () => {
    expect(RACE_BUDGET_MS).toBe(300_000);
    expect(retryRace({ elapsedMs: 0, budgetMs: RACE_BUDGET_MS, stalled: 0 })).toBe(true);
    expect(retryRace({ elapsedMs: 299_999, budgetMs: RACE_BUDGET_MS, stalled: 0 })).toBe(true);
    expect(retryRace({ elapsedMs: 300_000, budgetMs: RACE_BUDGET_MS, stalled: 0 })).toBe(false);
    expect(retryRace({ elapsedMs: 1, budgetMs: 0, stalled: 0 })).toBe(false);
  });

  it('stop after a few lost races in a row in which nobody landed (a remote that rejects without moving)', () => {
    expect(STALLED_ATTEMPTS).toBe(5);
    expect(retryRace({ elapsedMs: 0, budgetMs: RACE_BUDGET_MS, stalled: STALLED_ATTEMPTS - 1 })).toBe(true);
    expect(retryRace({ elapsedMs: 0, budgetMs: RACE_BUDGET_MS, stalled: STALLED_ATTEMPTS })).toBe(false);
  });
});

describe('identity fallback', () => {
  it("uses the member's name and email, or the handle at an address that cannot exist", () => {
    expect(identityOf({ handle: 'ana', name: 'Ana Souza', email: 'ana@example.com' })).toEqual({
      name: 'Ana Souza',
      email: 'ana@example.com',
    });
    expect(identityOf({ handle: 'bo', name: '', email: undefined })).toEqual({ name: 'bo', email: 'bo@users.async.invalid' });
  });

  it('goes through the environment, never through -c name=value', () => {
    expect(identityEnv({ name: 'x -c core.pager=y', email: 'e=f' })).toEqual({
      GIT_AUTHOR_NAME: 'x -c core.pager=y',
      GIT_AUTHOR_EMAIL: 'e=f',
      GIT_COMMITTER_NAME: 'x -c core.pager=y',
      GIT_COMMITTER_EMAIL: 'e=f',
    });
  });

  it.each([
    ['Author identity unknown\n\n*** Please tell me who you are.', true],
    ["fatal: unable to auto-detect email address (got 'root@vm.(none)')", true],
    ['Committer identity unknown', true],
    ['fatal: empty ident name (for <>) not allowed', true],
    ["fatal: Unable to create '/x/.git/index.lock': File exists.", false],
  ])('recognises a missing identity: %j', (stderr, missing) => {
    expect(isMissingIdentity(stderr)).toBe(missing);
  });
});
