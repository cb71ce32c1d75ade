import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEntry } from '../../../src/core/entry.js';
import { gitIn } from '../../helpers/git.js';
import { drive, hasScript, runInPty } from '../../helpers/pty.js';
import { makeTeam, writtenPath, type Team } from '../../helpers/team.js';

/** On a terminal, `async update` offers your commits in a checkbox before "What did you get done?". */
let team: Team;
let webapp: string;
beforeAll(async () => {
  team = await makeTeam([{ handle: 'alice', tz: 'Europe/Berlin', email: 'alice@example.com' }], '2026-11-24T16:00:00Z');
  webapp = join(team.box.dir, 'webapp');
  mkdirSync(webapp);
  gitIn(webapp, ['init', '-q', '--initial-branch=main'], team.env);
  for (const [subject, email, at] of [
    ['Fix the login redirect', 'alice@example.com', '2026-11-24T10:00:00Z'],
    ['Not mine', 'bob@example.com', '2026-11-24T11:00:00Z'],
    ['Add retries \x1b[2J', 'alice@example.com', '2026-11-24T12:00:00Z'],
  ] as const) {
    gitIn(webapp, ['commit', '-q', '--allow-empty', '-m', subject], {
      ...team.env,
      GIT_AUTHOR_EMAIL: email,
      GIT_AUTHOR_DATE: at,
      GIT_COMMITTER_EMAIL: email,
      GIT_COMMITTER_DATE: at,
    });
  }
  const added = await team.run('alice', ['repos', 'add', webapp]);
  if (added.code !== 0) throw new Error(added.stderr);
});
afterAll(() => team?.cleanup());

const ENTER = '\r';

describe.skipIf(!hasScript)('update on a terminal, with commits', () => {
  it('lists your commits under "repo (branch)"; the ones you tick become done items, then you add more', async () => {
    const session = runInPty(['update', '-y'], { cwd: team.clone.alice!, env: { ...team.env, CI: undefined } });
    await drive(session, [
      [/Done, from your commits/, ` ${ENTER}`], // tick the first (the newest), accept
      [/What did you get done\?/, `reviewed a PR${ENTER}`],
      [/…and/, ENTER],
      [/What's next\?/, ENTER],
      [/Anything blocking you\?/, ENTER],
      [/Notes \(optional\)/, ENTER],
    ]);
    expect(await session.exited).toBe(0);
    const screen = session.screen();
    expect(screen).toContain('webapp (main)');
    expect(screen).toContain('Fix the login redirect');
    expect(screen).not.toContain('Not mine');
    const path = writtenPath(screen);
    const parsed = parseEntry(readFileSync(join(team.clone.alice!, path), 'utf8'), path);
    expect(parsed.ok && parsed.entry.done).toEqual(['Add retries ␛[2J (webapp@main)', 'reviewed a PR']);
  });
});
