import { describe, expect, it } from 'vitest';
import {
  branchOf,
  branchOrder,
  groupCommits,
  groupLabel,
  normalizeEmails,
  parseLog,
  suggestionItems,
  type Commit,
} from '../../../src/core/commits.js';

const c = (hash: string, time: number, subject: string, ref = 'refs/heads/main', email = 'me@x.org'): Commit => ({
  hash: hash.padEnd(40, '0'),
  email,
  time,
  ref,
  subject,
});

describe('parseLog', () => {
  it('reads records split by RS and fields by US; a subject keeps its own punctuation', () => {
    const text = `${'a'.repeat(40)}\x1fme@x.org\x1f100\x1fFix: a | b\x1e\n${'b'.repeat(40)}\x1fo@x.org\x1f90\x1fSecond\x1e\n`;
    expect(parseLog(text, 'refs/heads/dev')).toEqual([
      { hash: 'a'.repeat(40), email: 'me@x.org', time: 100, ref: 'refs/heads/dev', subject: 'Fix: a | b' },
      { hash: 'b'.repeat(40), email: 'o@x.org', time: 90, ref: 'refs/heads/dev', subject: 'Second' },
    ]);
  });

  it.each([
    ['empty output', ''],
    ['a record with too few fields', `${'a'.repeat(40)}\x1fme@x.org\x1e`],
    ['a hash that is not one', 'zz\x1fme@x.org\x1f1\x1fs\x1e'],
  ])('skips %s', (_name, text) => {
    expect(parseLog(text, 'HEAD')).toEqual([]);
  });
});

describe('branchOf', () => {
  it.each([
    ['refs/heads/main', 'main'],
    ['refs/heads/feature/login', 'feature/login'],
    ['refs/remotes/origin/fix', 'fix'],
    ['refs/remotes/upstream/feature/x', 'feature/x'],
    ['HEAD', 'HEAD'],
  ])('%s -> %s', (ref, branch) => {
    expect(branchOf(ref)).toBe(branch);
  });
});

describe('branchOrder', () => {
  it.each<[string, string[], string | undefined, string[]]>([
    [
      'main first, then local, then remote',
      ['refs/heads/dev', 'refs/remotes/origin/x', 'refs/heads/main'],
      undefined,
      ['refs/heads/main', 'refs/heads/dev', 'refs/remotes/origin/x'],
    ],
    ['master when there is no main', ['refs/heads/a', 'refs/heads/master'], undefined, ['refs/heads/master', 'refs/heads/a']],
    [
      "origin/HEAD's target wins, as the local branch",
      ['refs/heads/main', 'refs/heads/trunk', 'refs/remotes/origin/trunk'],
      'refs/remotes/origin/trunk\n',
      ['refs/heads/trunk', 'refs/heads/main', 'refs/remotes/origin/trunk'],
    ],
    [
      "origin/HEAD's target with no local branch",
      ['refs/heads/x', 'refs/remotes/origin/trunk'],
      'refs/remotes/origin/trunk',
      ['refs/remotes/origin/trunk', 'refs/heads/x'],
    ],
    ['remote HEAD symrefs and blanks are dropped', ['', 'refs/remotes/origin/HEAD', 'refs/heads/a'], undefined, ['refs/heads/a']],
    ['no branches', [], undefined, []],
  ])('%s', (_name, refs, originHead, expected) => {
    expect(branchOrder(refs, originHead)).toEqual(expected);
  });
});

describe('normalizeEmails', () => {
  it('folds case, trims, drops blanks and repeats', () => {
    expect(normalizeEmails([' Me@X.org ', 'me@x.org', undefined, '', 'work@y.org'])).toEqual(['me@x.org', 'work@y.org']);
  });
});

describe('groupCommits', () => {
  it.each<[string, { name: string; commits: Commit[] }[], string[], number, { label: string; items: string[] }[]]>([
    [
      'only your commits (any case), grouped by repository and branch, groups by their newest commit',
      [
        {
          name: 'webapp',
          commits: [
            c('1', 50, 'Fix redirect'),
            c('2', 60, 'Not mine', 'refs/heads/main', 'bob@x.org'),
            c('3', 40, 'SSO', 'refs/heads/sso', 'ME@X.ORG'),
          ],
        },
        { name: 'api', commits: [c('4', 70, 'Retry uploads')] },
      ],
      ['me@x.org'],
      30,
      [
        { label: 'api (main)', items: ['Retry uploads (api@main)'] },
        { label: 'webapp (main)', items: ['Fix redirect (webapp@main)'] },
        { label: 'webapp (sso)', items: ['SSO (webapp@sso)'] },
      ],
    ],
    [
      'a commit seen twice (two branches, or the same project listed twice) is shown where it was first read',
      [
        { name: 'webapp', commits: [c('1', 50, 'Fix'), c('1', 50, 'Fix', 'refs/heads/dev')] },
        { name: 'webapp-copy', commits: [c('1', 50, 'Fix')] },
      ],
      ['me@x.org'],
      30,
      [{ label: 'webapp (main)', items: ['Fix (webapp@main)'] }],
    ],
    [
      'capped to the newest',
      [{ name: 'r', commits: [c('1', 10, 'old'), c('2', 30, 'newest'), c('3', 20, 'middle')] }],
      ['me@x.org'],
      2,
      [{ label: 'r (main)', items: ['newest (r@main)', 'middle (r@main)'] }],
    ],
    [
      'terminal escapes made visible, white space collapsed, empty subjects dropped',
      [{ name: 'r\x1b[31m', commits: [c('1', 10, 'a\x1b]0;x\x07\tb'), c('2', 9, '  ')] }],
      ['me@x.org'],
      30,
      [{ label: 'r␛[31m (main)', items: ['a␛]0;x␇ b (r␛[31m@main)'] }],
    ],
    ['no emails: nothing is yours', [{ name: 'r', commits: [c('1', 10, 'x')] }], [], 30, []],
  ])('%s', (_name, repos, emails, cap, expected) => {
    const groups = groupCommits(repos, emails, cap);
    expect(groups.map((group) => ({ label: groupLabel(group), items: group.commits.map((commit) => commit.item) }))).toEqual(expected);
    expect(suggestionItems(groups)).toEqual(expected.flatMap((group) => group.items));
  });

  it('cuts a long subject to one short line', () => {
    const [group] = groupCommits([{ name: 'r', commits: [c('1', 1, 'x'.repeat(300))] }], ['me@x.org']);
    expect(group!.commits[0]!.subject).toHaveLength(100);
    expect(group!.commits[0]!.subject.endsWith('…')).toBe(true);
  });
});
