import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hasScript, runInPty } from '../../helpers/pty.js';
import { makeTeam, remoteEntries, type Team } from '../../helpers/team.js';

/**
 * Threat: Ctrl-C ignored while the spinner runs (it took the terminal's stdin), and a signal during
 * a push ending the run with no word about the entry already committed.
 * Expected: Ctrl-C always ends the run; the last line says what state the work is in.
 */
let team: Team;
let silent: Server;
let port = 0;
const sockets = new Set<Socket>();
beforeAll(async () => {
  team = await makeTeam([
    { handle: 'alice', tz: 'Europe/Berlin' },
    { handle: 'bob', tz: 'Asia/Tokyo' },
  ]);
  silent = createServer((socket) => {
    sockets.add(socket);
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  port = (silent.address() as { port: number }).port;
  team.git('alice', ['remote', 'set-url', 'origin', `http://127.0.0.1:${port}/team.git`]);
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await new Promise((resolve) => silent.close(resolve));
  team?.cleanup();
});

const CTRL_C = '\u0003';

describe.skipIf(!hasScript)('Ctrl-C under the spinner, on a terminal', () => {
  it('during a push: exit 130, and the entry is said to be committed, for sync to push', async () => {
    const session = runInPty(['update', '--done', 'interrupted push', '-y'], {
      cwd: team.clone.alice!,
      env: { ...team.env, CI: undefined },
    });
    await session.waitFor(/Pushing/);
    session.type(CTRL_C);
    expect(await session.exited).toBe(130);
    expect(session.screen()).toMatch(
      /Interrupted while pushing: entries\/\S+-alice-\S+\.md is committed locally, and 'async sync' pushes it\./,
    );
    expect(session.screen()).not.toMatch(/at .*\.cjs:\d+/);
    expect(team.git('alice', ['log', '--format=%s', '-1'])).toMatch(/^update: alice/);
    expect(remoteEntries(team.remote).files).toEqual([]);
  });

  it('during a catchup pull: exit 130, nothing written, the mark unmoved', async () => {
    const session = runInPty(['catchup'], { cwd: team.clone.alice!, env: { ...team.env, CI: undefined } });
    await session.waitFor(/Syncing/);
    session.type(CTRL_C);
    expect(await session.exited).toBe(130);
    expect(session.screen()).toMatch(/Interrupted; nothing was written\./);
    expect(team.git('alice', ['status', '--porcelain'])).toBe('');
  });
});
