import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseEntry } from '../../../src/core/entry.js';
import { drive, hasScript, runInPty } from '../../helpers/pty.js';
import { cloneHealth, makeTeam, remoteEntries, writtenPath, type Team } from '../../helpers/team.js';

/**
 * On a terminal (a pseudo-terminal from `script`): the prompts, the preview and confirmation, and
 * Ctrl-C at each prompt, which must exit 130 with no stack trace and leave no file or commit.
 */
let team: Team;
beforeAll(async () => {
  team = await makeTeam(
    [
      { handle: 'alice', tz: 'Europe/Berlin', hours: '09:00-17:30' },
      { handle: 'bob', tz: 'America/Los_Angeles' },
    ],
    '2026-11-24T16:00:00Z',
  );
});
afterAll(() => team?.cleanup());

const ENTER = '\r';
const CTRL_C = '\u0003';
const DOWN = '\u001b[B';
const pty = (argv: string[], size?: null) => runInPty(argv, { cwd: team.clone.alice!, env: { ...team.env, CI: undefined }, size });

/** The answers that lead to each prompt, in order. */
const UPDATE_PROMPTS: [RegExp, string][] = [
  [/What did you get done\?/, `fixed the build${ENTER}`],
  [/…and/, ENTER],
  [/What's next\?/, ENTER],
  [/Anything blocking you\?/, ENTER],
  [/Notes \(optional\)/, ENTER],
  [/Post this update\?/, ENTER],
];
const HANDOFF_PROMPTS: [RegExp, string][] = [
  [/Hand off to \(Enter keeps the rule's pick/, ENTER],
  [/State of the work, in one line/, `half way${ENTER}`],
  [/What should they do\?/, ENTER],
  [/What did you get done\?/, ENTER],
  [/Next actions/, ENTER],
  [/Blockers or risks\?/, ENTER],
  [/Post this handoff\?/, ENTER],
];

describe.skipIf(!hasScript)('on a terminal', () => {
  const cases = [
    ...UPDATE_PROMPTS.filter(([p]) => !/…and/.test(p.source)).map(([prompt]) => ['update', prompt, UPDATE_PROMPTS] as const),
    ...HANDOFF_PROMPTS.map(([prompt]) => ['handoff', prompt, HANDOFF_PROMPTS] as const),
  ];

  it.each(cases)('%s: Ctrl-C at %s exits 130, no stack trace, nothing written', async (command, target, script) => {
    const head = team.git('alice', ['rev-parse', 'HEAD']);
    const session = pty([command]);
    const upTo = script.findIndex(([prompt]) => prompt === target);
    await drive(session, [...script.slice(0, upTo), [target, CTRL_C]]);
    expect(await session.exited).toBe(130);
    expect(session.screen()).toMatch(/async: Cancelled; nothing was written\./);
    expect(session.screen()).not.toMatch(/^\s+at /m);
    expect(session.screen()).not.toMatch(/ExitPromptError|unexpected error/);
    expect(team.git('alice', ['rev-parse', 'HEAD'])).toBe(head);
    expect(cloneHealth(team.clone.alice!, team.env)).toEqual({ dirty: '', midRebase: false, branch: 'main' });
    expect(team.git('alice', ['ls-files', '--others', '--exclude-standard'])).toBe('');
  });

  it('update: asks, previews, confirms, posts; the next update offers the last "next" as done', async () => {
    const first = pty(['update']);
    await drive(first, [
      [/What did you get done\?/, `fixed the build${ENTER}`],
      [/…and/, ENTER],
      [/What's next\?/, `review #42${ENTER}`],
      [/…and/, ENTER],
      [/Anything blocking you\?/, ENTER],
      [/Notes \(optional\)/, `all good${ENTER}`],
      [/Post this update\?/, ENTER],
    ]);
    expect(await first.exited).toBe(0);
    expect(first.screen()).toMatch(/Update by alice/);
    const path = writtenPath(first.screen());
    const parsed = parseEntry(readFileSync(join(team.clone.alice!, path), 'utf8'), path);
    expect(parsed.ok && parsed.entry).toMatchObject({ done: ['fixed the build'], next: ['review #42'], notes: 'all good' });
    expect(remoteEntries(team.remote).files).toContain(path);

    const second = pty(['update', '-y']);
    await drive(second, [
      [/from your last "next"/, ` ${ENTER}`], // tick it, accept
      [/…and/, ENTER],
      [/What's next\?/, CTRL_C],
    ]);
    expect(second.screen()).toMatch(/review #42/);
    expect(await second.exited).toBe(130);
  });

  it('handoff: the preview shows the ack-by deadline before posting', async () => {
    const session = pty(['handoff', '--to', 'bob', '--ask', 'Run the migration', '--no-push']);
    await drive(session, [[/Post this handoff\?/, ENTER]]);
    expect(await session.exited).toBe(0);
    // bob (Los Angeles, 09:00-17:00) starts at 17:00Z; four hours later is 21:00Z, 22:00 in alice's Berlin.
    expect(session.screen()).toMatch(/Ack by: Tue 24 Nov 22:00/);
  });

  it('decide asks for the title, the context and the options; reply asks for the note; both preview and post', async () => {
    const decide = pty(['decide']);
    await drive(decide, [
      [/What is to be decided, in one line\?/, `Use Postgres for the queue${ENTER}`],
      [/Why is a decision needed\?/, `Costs grew${ENTER}`],
      [/Which options are there\?/, `Postgres${ENTER}`],
      [/…and/, `SQS${ENTER}`],
      [/…and/, ENTER],
      [/Post this decision\?/, ENTER],
    ]);
    expect(await decide.exited).toBe(0);
    expect(decide.screen()).toMatch(/Decision by alice/);
    const path = writtenPath(decide.screen());
    const parsed = parseEntry(readFileSync(join(team.clone.alice!, path), 'utf8'), path);
    expect(parsed.ok && parsed.entry).toMatchObject({
      kind: 'decision',
      decision: { title: 'Use Postgres for the queue', status: 'proposed', context: 'Costs grew', options: ['Postgres', 'SQS'] },
    });
    const id = path.slice(path.lastIndexOf('/') + 1, -'.md'.length);

    const reply = pty(['reply', id]);
    await drive(reply, [
      [/Your reply:/, `Postgres, we know it${ENTER}`],
      [/Post this reply\?/, ENTER],
    ]);
    expect(await reply.exited).toBe(0);
    // The preview quotes what it answers, at the time alice reads it (Berlin: 17:00).
    expect(reply.screen()).toMatch(/Reply by alice · Tue 24 Nov 17:00/);
    expect(reply.screen()).toMatch(/Re: decision by alice · Tue 24 Nov 17:00 · \S+\s+> Use Postgres for the queue/);
    const replyPath = writtenPath(reply.screen());
    const answer = parseEntry(readFileSync(join(team.clone.alice!, replyPath), 'utf8'), replyPath);
    expect(answer.ok && answer.entry).toMatchObject({ kind: 'reply', ref: id, notes: 'Postgres, we know it' });
  });

  it("handoff offers the rule's recipients to accept or change, and asks again for a handle that is not a teammate", async () => {
    const session = pty(['handoff']);
    await drive(session, [
      [/Hand off to \(Enter keeps the rule's pick, or type handles\): \(bob\)/, `zed${ENTER}`],
      [/Unknown handle "zed"/, `\u0015@bob${ENTER}`],
      ...HANDOFF_PROMPTS.slice(1),
    ]);
    expect(await session.exited).toBe(0);
    const path = writtenPath(session.screen());
    const parsed = parseEntry(readFileSync(join(team.clone.alice!, path), 'utf8'), path);
    expect(parsed.ok && parsed.entry).toMatchObject({ kind: 'handoff', to: ['bob'], notes: 'half way' });
  });

  it('ack offers an optional note, and its preview quotes the handoff', async () => {
    const sent = await team.run('bob', ['handoff', '--to', 'alice', '--ask', 'Run the migration on staging', '-y'], '2026-11-24T15:00:00Z');
    expect(sent.code, sent.stderr).toBe(0);
    const id = writtenPath(sent.stdout).replace(/^.*\/|\.md$/g, '');
    const ack = pty(['ack', id]);
    await drive(ack, [
      [/A note for bob \(optional, Enter to skip\):/, `On it after lunch${ENTER}`],
      [/Post this ack\?/, ENTER],
    ]);
    expect(await ack.exited).toBe(0);
    expect(ack.screen()).toMatch(/Re: handoff by bob · Tue 24 Nov 16:00 · \S+\s+> Run the migration on staging/);
    const path = writtenPath(ack.screen());
    const parsed = parseEntry(readFileSync(join(team.clone.alice!, path), 'utf8'), path);
    expect(parsed.ok && parsed.entry).toMatchObject({ kind: 'ack', ref: id, notes: 'On it after lunch' });
  });

  it("join's handle prompt asks again after an answer that is not a handle", async () => {
    const session = runInPty(['join', team.remote, 'dana-clone'], { cwd: team.box.dir, env: { ...team.env, CI: undefined } });
    await drive(session, [
      [/Your handle \(short, lowercase\)\?/, `Dana Scully${ENTER}`],
      [/lowercase/, `\u0015dana${ENTER}`],
      [/Your time zone/, ENTER],
    ]);
    expect(await session.exited).toBe(0);
    expect(session.screen()).toMatch(/Dana Scully[\s\S]*handle/);
    expect(readFileSync(join(team.box.dir, 'dana-clone', 'members', 'dana.yaml'), 'utf8')).toMatch(/^handle: dana$/m);
  });

  it('at the confirmation, "not now" keeps a draft that --editor reopens; "edit" opens the editor and previews again', async () => {
    // bob, who has no earlier update whose "next" the prompts would offer first.
    const asBob = (argv: string[], env: Record<string, string | undefined> = {}) =>
      runInPty(argv, { cwd: team.clone.bob!, env: { ...team.env, CI: undefined, ...env } });
    const head = team.git('bob', ['rev-parse', 'HEAD']);
    const keep = asBob(['update']);
    await drive(keep, [
      [/What did you get done\?/, `drafted the RFC${ENTER}`],
      [/…and/, ENTER],
      [/What's next\?/, ENTER],
      [/Anything blocking you\?/, ENTER],
      [/Notes \(optional\)/, ENTER],
      [/Post this update\?/, `${DOWN}${DOWN}${ENTER}`],
    ]);
    expect(await keep.exited).toBe(130);
    expect(keep.screen()).toMatch(
      /Cancelled; nothing was posted\. Your update is kept in \S+EDIT_UPDATE\.md: 'async update --editor' reopens it\./,
    );
    expect(team.git('bob', ['rev-parse', 'HEAD'])).toBe(head);

    // --editor reopens the draft; the editor adds a line each time it runs: once for --editor, once
    // more for "Edit" at the confirmation, and each preview shows what it holds before posting.
    const dir = team.box.dir;
    const editor = join(dir, 'add-line.sh');
    writeFileSync(
      editor,
      `#!/bin/sh\ncp "$1" ${JSON.stringify(join(dir, 'seen.md'))}\nsed -i 's/^- drafted the RFC$/- drafted the RFC\\n- sent it round/' "$1"\n`,
      { mode: 0o755 },
    );
    const edit = asBob(['update', '--editor'], { EDITOR: editor, VISUAL: undefined });
    await drive(edit, [[/Post this update\?/, `${DOWN}${ENTER}`]]);
    await edit.waitFor(/Post this update\?/, edit.screen().lastIndexOf('Post this update?') + 1);
    edit.type(ENTER);
    expect(await edit.exited).toBe(0);
    expect(readFileSync(join(dir, 'seen.md'), 'utf8')).toMatch(/## Done\n(<!--.*-->\n)*- drafted the RFC/);
    const path = writtenPath(edit.screen());
    const parsed = parseEntry(readFileSync(join(team.clone.bob!, path), 'utf8'), path);
    expect(parsed.ok && parsed.entry.done).toEqual(['drafted the RFC', 'sent it round', 'sent it round']);
  });

  it('shows a spinner on stderr while pushing, and exits', async () => {
    const session = pty(['update', '--done', 'with a spinner', '-y']);
    expect(await session.exited).toBe(0);
    expect(session.screen()).toMatch(/Pushing…/);
    expect(session.screen()).toMatch(/Wrote entries\/\S+\. Pushed\./);
  });

  it('a terminal that reports no size still posts and exits (no spinner: ora would loop forever)', async () => {
    const session = pty(['update', '--done', 'zero columns', '-y'], null);
    expect(await session.exited).toBe(0);
    expect(session.screen()).toMatch(/Wrote entries\/\S+\. Pushed\./);
    expect(session.screen()).not.toMatch(/Pushing…/);
  });
});
