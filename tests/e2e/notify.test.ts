import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeTeam, type Team } from '../helpers/team.js';

/** The built binary posts for real: the bundle's fetch, the outbox and the exit codes, as a user runs them. */
describe('async notify (built binary)', () => {
  let team: Team;
  const bodies: unknown[] = [];
  let answer = 200;
  const server = createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      if (answer === 200) bodies.push(JSON.parse(text));
      res.statusCode = answer;
      res.end();
    });
  });
  let url = '';

  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/abc123`;
    team = await makeTeam([
      { handle: 'alice', tz: 'Europe/Berlin' },
      { handle: 'bob', tz: 'America/New_York' },
    ]);
  });
  afterAll(() => {
    server.close();
    team.cleanup();
  });

  it('adds a webhook, posts a handoff once it is pushed, and tests the webhook', async () => {
    const added = await team.bin('alice', ['notify', 'add', url, '--format', 'discord', '--on', 'handoff']);
    expect(added.code, added.stderr).toBe(0);
    expect(added.stdout).toMatch(
      /^Added http:\/\/127\.0\.0\.1:\d+\/hooks\/\*\*\*\* \(discord; handoff\) for this workspace, in .*notify\.json\.\n$/,
    );
    const handoff = await team.bin('alice', ['handoff', '--to', 'bob', '--ask', 'Ship @everyone', '--yes']);
    expect(handoff.code, handoff.stderr).toBe(0);
    expect(handoff.stderr).toBe('');
    expect(bodies).toEqual([{ content: 'alice → bob: handoff: Ship @everyone', allowed_mentions: { parse: [] } }]);
    const tested = await team.bin('alice', ['notify', 'test']);
    expect(tested.code).toBe(0);
    expect(tested.stdout).toMatch(/^ok {6}http:\/\/127\.0\.0\.1:\d+\/hooks\/\*\*\*\* \(discord\)\n$/);
    answer = 500;
    const failed = await team.bin('alice', ['notify', 'test'], { ASYNC_NOTIFY_BACKOFF_MS: '1' });
    expect(failed.code).toBe(1);
    expect(failed.stdout).toContain('HTTP 500');
    const bad = await team.bin('alice', ['notify', 'add', 'mailto:team@example.com']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toBe('async: A webhook URL must start with https:// or http:// (not mailto:).\n');
  });
});
