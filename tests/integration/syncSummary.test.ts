import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncSummary } from '../../src/ui/sync.js';
import { makeTeam, type Team } from '../helpers/team.js';

describe('syncSummary', () => {
  it.each([
    [0, 0, false, 'Already up to date.'],
    [0, 0, true, 'Pulled changes to the roster or settings; no new entries.'],
    [1, 0, false, 'Pushed 1 entry.'],
    [0, 2, false, 'Pulled 2 entries.'],
    [3, 2, false, 'Pushed 3 entries, pulled 2.'],
  ])('pushed %i, pulled %i (other changes: %s)', (pushed, pulled, moved, text) => {
    expect(syncSummary(pushed, pulled, moved)).toBe(text);
  });
});

describe('async sync says what it did', () => {
  let team: Team;
  beforeAll(async () => {
    team = await makeTeam([
      { handle: 'ana', tz: 'Europe/Berlin' },
      { handle: 'ben', tz: 'America/New_York' },
    ]);
  });
  afterAll(() => team.cleanup());

  it('counts the entries it pushed and pulled, then is up to date', async () => {
    for (const note of ['one', 'two']) expect((await team.run('ana', ['update', '--done', note, '--no-push'])).code).toBe(0);
    expect((await team.run('ben', ['update', '--done', 'three'])).code).toBe(0);
    const first = await team.run('ana', ['sync']);
    expect(first.stdout).toBe('Pushed 2 entries, pulled 1.\n');
    expect((await team.run('ana', ['sync'])).stdout).toBe('Already up to date.\n');
    expect((await team.run('ben', ['sync'])).stdout).toBe('Pulled 2 entries.\n');
  });

  it('names a change that is not an entry', async () => {
    expect((await team.run('ben', ['away', '2026-12-24', '--note', 'holidays'])).code).toBe(0);
    expect((await team.run('ana', ['sync'])).stdout).toBe('Pulled changes to the roster or settings; no new entries.\n');
  });
});
