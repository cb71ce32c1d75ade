import { readdirSync, readFileSync, renameSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { gitIn } from '../helpers/git.js';
import { makeTeam, writtenPath, type Team } from '../helpers/team.js';

/**
 * The whole sending path against a real HTTP server on 127.0.0.1: `notify add`, a write, the
 * outbox, fetch, retries, and what a later `sync` sends.
 */
interface Received {
  path: string;
  body: unknown;
  contentType: string | undefined;
}

/** A webhook: records every POST; `plan` says how to answer the next ones (then 200). */
class Hook {
  received: Received[] = [];
  plan: (number | 'drop' | 'hang')[] = [];
  server!: Server;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => {
        const next = this.plan.shift() ?? 200;
        if (next === 'drop') {
          req.socket.destroy();
          return;
        }
        if (next === 'hang') return;
        if (next >= 200 && next < 300)
          this.received.push({ path: req.url ?? '', body: JSON.parse(text), contentType: req.headers['content-type'] });
        res.statusCode = next;
        if (next === 429) res.setHeader('retry-after', '0');
        res.end(next < 300 ? 'ok' : 'no');
      });
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  url(path = '/hook/secret-token'): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  bodies(path?: string): unknown[] {
    return this.received.filter((r) => path === undefined || r.path === path).map((r) => r.body);
  }
}

const slackText = (body: unknown) => (body as { text: string }).text;

/** Runs a command in `team`'s clone of `handle` that must succeed. */
async function succeeds(team: Team, handle: string, argv: string[]) {
  const result = await team.run(handle, argv);
  expect(result.code, result.stderr).toBe(0);
  return result;
}

describe('async notify sends chat posts after the push', () => {
  let team: Team;
  const hook = new Hook();
  const ok = (handle: string, argv: string[]) => succeeds(team, handle, argv);
  const outbox = (handle: string) => join(team.clone[handle]!, '.git', 'async', 'notify');
  const waiting = (handle: string) => readdirSync(outbox(handle)).filter((name) => name.endsWith('.json'));

  beforeAll(async () => {
    await hook.start();
    team = await makeTeam([
      { handle: 'alice', tz: 'Europe/Berlin' },
      { handle: 'bob', tz: 'America/New_York' },
      { handle: 'carol', tz: 'Asia/Tokyo' },
    ]);
    team.env.ASYNC_NOTIFY_BACKOFF_MS = '1';
    team.env.ASYNC_NOTIFY_TIMEOUT_MS = '3000';
    await ok('alice', ['notify', 'add', hook.url(), '--format', 'slack']);
  });
  afterAll(() => {
    hook.server.closeAllConnections();
    hook.server.close();
    team.cleanup();
  });
  beforeEach(() => {
    hook.received = [];
    hook.plan = [];
  });

  it('posts one Slack message for a handoff, naming the recipients', async () => {
    const result = await ok('alice', ['handoff', '--to', 'bob', '--to', 'carol', '--ask', 'Run the migration']);
    expect(result.stderr).toBe('');
    expect(hook.received).toHaveLength(1);
    expect(hook.received[0]!.path).toBe('/hook/secret-token');
    expect(hook.received[0]!.contentType).toMatch(/^application\/json/);
    expect(hook.bodies()).toEqual([{ text: 'alice → bob, carol: handoff: Run the migration' }]);
    expect(waiting('alice')).toEqual([]);
  });

  it('sends nothing for an update without blockers, one for an update with blockers', async () => {
    await ok('alice', ['update', '--done', 'tidied the backlog']);
    expect(hook.received).toHaveLength(0);
    await ok('alice', ['update', '--done', 'half the import', '--blocker', 'staging DB is down', '--blocker', 'no VPN']);
    expect(hook.bodies()).toEqual([{ text: 'alice: blocker: staging DB is down (+1 more)' }]);
  });

  it('never posts a teammate’s entries (their clone does), even when this clone pulls them', async () => {
    await ok('bob', ['handoff', '--to', 'alice', '--ask', 'Review the PR']);
    await ok('alice', ['sync']);
    await ok('alice', ['catchup']);
    expect(hook.received).toHaveLength(0);
  });

  it('escapes hostile text so nothing pings, mentions or hides a link', async () => {
    await ok('alice', ['handoff', '--to', 'bob', '--ask', '<!channel> @everyone see [x](http://evil) & <http://evil|ok>']);
    expect(slackText(hook.bodies()[0])).toBe(
      'alice → bob: handoff: &lt;!channel&gt; @everyone see [x](http://evil) &amp; &lt;http://evil|ok&gt;',
    );
  });

  it('retries a 500 twice and a 429, then delivers once', async () => {
    hook.plan = [500, 429];
    const result = await ok('alice', ['handoff', '--to', 'bob', '--ask', 'Retry me']);
    expect(result.stderr).toBe('');
    expect(hook.bodies()).toEqual([{ text: 'alice → bob: handoff: Retry me' }]);
    expect(waiting('alice')).toEqual([]);
  });

  it('with the webhook down: the entry is written and pushed, a warning, the post waits; the next sync sends it once', async () => {
    hook.plan = ['drop', 'drop', 'drop'];
    const result = await ok('alice', ['handoff', '--to', 'carol', '--ask', 'Deploy on Friday']);
    const rel = writtenPath(result.stdout);
    expect(gitIn(team.remote, ['ls-tree', '--name-only', 'main', '--', rel], team.env).trim()).toBe(rel);
    expect(result.stderr).toMatch(
      /^warning: 1 notification to http:\/\/127\.0\.0\.1:\d+\/hook\/\*\*\*\* not sent \(.+\); kept in \.git\/async\/notify/,
    );
    expect(result.stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(result.stderr).not.toContain('secret-token');
    expect(hook.received).toHaveLength(0);
    const [item] = waiting('alice');
    expect(JSON.parse(readFileSync(join(outbox('alice'), item!), 'utf8')).attempts).toBe(1);
    expect(statSync(join(outbox('alice'), item!)).mode & 0o777).toBe(0o600);

    expect((await ok('alice', ['sync'])).stderr).toBe('');
    expect(hook.bodies()).toEqual([{ text: 'alice → carol: handoff: Deploy on Friday' }]);
    // Idempotent: the sent post is remembered, a second sync (and a catchup) send nothing.
    await ok('alice', ['sync']);
    await ok('alice', ['catchup']);
    expect(hook.received).toHaveLength(1);
    expect(waiting('alice')).toEqual([]);
  });

  it('a webhook that does not answer is timed out (ASYNC_NOTIFY_TIMEOUT_MS) and retried', async () => {
    hook.plan = ['hang'];
    team.env.ASYNC_NOTIFY_TIMEOUT_MS = '300';
    try {
      const result = await ok('alice', ['handoff', '--to', 'bob', '--ask', 'Slow hook']);
      expect(result.stderr).toBe('');
      expect(hook.bodies()).toEqual([{ text: 'alice → bob: handoff: Slow hook' }]);
    } finally {
      team.env.ASYNC_NOTIFY_TIMEOUT_MS = '3000';
    }
  });

  it('gives up after MAX_RUNS failed commands, with a warning, and never sends it later', async () => {
    hook.plan = ['drop', 'drop', 'drop'];
    const first = await ok('alice', ['handoff', '--to', 'bob', '--ask', 'Doomed']);
    expect(first.stderr).toMatch(/^warning: 1 notification to .* not sent/);
    const [name] = waiting('alice');
    const path = join(outbox('alice'), name!);
    // Four commands have failed already (as if four syncs ran offline).
    writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(path, 'utf8')), attempts: 4 }));
    hook.plan = ['drop', 'drop', 'drop'];
    const sync = await team.run('alice', ['sync']);
    expect(sync.code).toBe(0);
    expect(sync.stderr).toMatch(
      /^warning: gave up on 1 notification to http:\/\/127\.0\.0\.1:\d+\/hook\/\*\*\*\* \(.+ too many times\)\. Check it with 'async notify test'\.\n$/,
    );
    expect(waiting('alice')).toEqual([]);
    await ok('alice', ['sync']);
    expect(hook.received).toHaveLength(0);
  });

  it('a post claimed by a command that was killed goes back in the queue, and is sent once', async () => {
    hook.plan = ['drop', 'drop', 'drop'];
    await ok('alice', ['handoff', '--to', 'bob', '--ask', 'Killed mid-post']);
    const [name] = waiting('alice');
    const claimed = join(outbox('alice'), name!.replace(/\.json$/, '.sending'));
    renameSync(join(outbox('alice'), name!), claimed);
    // A fresh claim belongs to a running command: left alone.
    await ok('alice', ['sync']);
    expect(hook.received).toHaveLength(0);
    const old = new Date(Date.now() - 10 * 60_000);
    utimesSync(claimed, old, old);
    await ok('alice', ['sync']);
    await ok('alice', ['sync']);
    expect(hook.bodies()).toEqual([{ text: 'alice → bob: handoff: Killed mid-post' }]);
  });

  it('two commands delivering at once send a waiting post once', async () => {
    // The webhook is down for the write, so the post waits; then two commands find it waiting and
    // race to send it: the claim (a rename) lets only one of them.
    hook.plan = ['drop', 'drop', 'drop'];
    await ok('alice', ['handoff', '--to', 'bob', '--ask', 'Raced twice']);
    expect(waiting('alice')).toHaveLength(1);
    hook.plan = [];
    const [sync, catchup] = await Promise.all([team.run('alice', ['sync']), team.run('alice', ['catchup'])]);
    expect([sync.code, catchup.code]).toEqual([0, 0]);
    expect(hook.bodies()).toEqual([{ text: 'alice → bob: handoff: Raced twice' }]);
  });

  it('--no-push: nothing is sent until the sync that pushes the entry', async () => {
    const written = await ok('alice', ['handoff', '--to', 'bob', '--ask', 'Offline work', '--no-push']);
    expect(hook.received).toHaveLength(0);
    expect(waiting('alice')).toHaveLength(1);
    // A command that pulls but does not push: the remote does not have the entry yet.
    const id = /Wrote entries\/\S+\/(\S+)\.md/.exec(written.stdout)![1]!;
    await ok('alice', ['show', id, '--pull']);
    await ok('alice', ['catchup', '--no-pull']);
    expect(hook.received).toHaveLength(0);
    await ok('alice', ['sync']);
    expect(hook.bodies()).toEqual([{ text: 'alice → bob: handoff: Offline work' }]);
    await ok('alice', ['sync']);
    expect(hook.received).toHaveLength(1);
  });

  it('gives up on a 4xx at once, with a warning, and keeps no waiting post', async () => {
    hook.plan = [404];
    const result = await ok('alice', ['handoff', '--to', 'bob', '--ask', 'Gone hook']);
    expect(result.stderr).toMatch(/^warning: gave up on 1 notification to .*\(HTTP 404: the webhook refused it\)/);
    expect(waiting('alice')).toEqual([]);
    await ok('alice', ['sync']);
    expect(hook.received).toHaveLength(0);
  });

  it('posts "overdue" once for my own handoff past its ackBy, in a command that reaches the remote', async () => {
    // Tuesday 12:00Z: bob (New York) starts at 14:00Z, so four working hours make it due at 18:00Z.
    await ok('alice', ['handoff', '--to', 'bob', '--ask', 'Rotate the keys', '--no-push']);
    const late = async () => expect((await team.run('alice', ['sync'], '2026-11-24T19:00:00Z')).code).toBe(0);
    await late();
    // alice's earlier handoffs in this file are late by then too: each is posted overdue once.
    const rotate = () => hook.bodies().filter((body) => JSON.stringify(body).includes('Rotate the keys'));
    expect(rotate()).toEqual([
      { text: 'alice → bob: handoff: Rotate the keys' },
      { text: 'alice → bob: overdue handoff, not acknowledged yet: Rotate the keys' },
    ]);
    const sent = hook.received.length;
    await late();
    expect(hook.received).toHaveLength(sent);
  });

  it('notify test posts to each webhook and reports each; exit 1 when one fails', async () => {
    const result = await ok('alice', ['notify', 'test']);
    expect(result.stdout).toMatch(/^ok {6}http:\/\/127\.0\.0\.1:\d+\/hook\/\*\*\*\* \(slack\)\n$/);
    expect(slackText(hook.bodies()[0])).toBe(
      "alice: test: test notification for Team: this webhook receives the team's handoffs, blockers and decisions",
    );
    hook.plan = [403];
    const failed = await team.run('alice', ['notify', 'test']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/^failed {2}http:\/\/127\.0\.0\.1:\d+\/hook\/\*\*\*\* \(slack\): HTTP 403\n$/);
    expect(failed.stderr).toMatch(/^async: 1 of 1 webhook did not take the test message\./);
  });

  it('never puts the URL in the workspace repository; the settings file is 0600', async () => {
    expect(() => gitIn(team.remote, ['grep', '-q', 'secret-token', 'main'], team.env)).toThrow();
    expect(gitIn(team.remote, ['log', '-p', '--all'], team.env)).not.toContain('secret-token');
    const settings = join(team.env.XDG_CONFIG_HOME!, 'async', 'notify.json');
    expect(readFileSync(settings, 'utf8')).toContain('secret-token');
    expect(statSync(settings).mode & 0o777).toBe(0o600);
  });

  it('lists webhooks masked, per workspace: another clone of the same user has none', async () => {
    const list = await ok('alice', ['notify', 'list', '--json']);
    expect(JSON.parse(list.stdout)).toEqual({
      webhooks: [
        { url: `http://127.0.0.1:${hook.port}/hook/****`, format: 'slack', on: ['handoff', 'blocker', 'overdue', 'decision'], waiting: 0 },
      ],
    });
    expect((await ok('alice', ['notify', 'list'])).stdout).toBe(
      `http://127.0.0.1:${hook.port}/hook/****  slack  handoff, blocker, overdue, decision\n`,
    );
    expect((await ok('bob', ['notify', 'list'])).stdout).toBe(
      "No chat webhooks for this workspace. Add one with 'async notify add URL'.\n",
    );
    expect((await ok('bob', ['notify', 'list', '--json'])).stdout).toBe('{\n  "webhooks": []\n}\n');
  });
});

describe('async notify: each format’s body, events, add / remove', () => {
  let team: Team;
  const hook = new Hook();
  const ok = (handle: string, argv: string[]) => succeeds(team, handle, argv);

  beforeAll(async () => {
    await hook.start();
    team = await makeTeam([
      { handle: 'ana', tz: 'Europe/Berlin' },
      { handle: 'ben', tz: 'America/New_York' },
    ]);
    team.env.ASYNC_NOTIFY_BACKOFF_MS = '1';
    for (const format of ['slack', 'teams', 'discord', 'mattermost', 'json'])
      await ok('ana', ['notify', 'add', hook.url(`/${format}/token`), '--format', format]);
    await ok('ana', ['notify', 'add', hook.url('/decisions/token'), '--format', 'json', '--on', 'decision']);
  });
  afterAll(() => {
    hook.server.close();
    team.cleanup();
  });
  beforeEach(() => {
    hook.received = [];
  });

  it('sends each format its own body, escaped for that tool', async () => {
    const ask = '@everyone <@123> [x](http://evil) @channel';
    const result = await ok('ana', ['handoff', '--to', 'ben', '--ask', ask]);
    const id = /Wrote entries\/\S+\/(\S+)\.md/.exec(result.stdout)![1];
    expect(hook.bodies('/slack/token')).toEqual([{ text: 'ana → ben: handoff: @everyone &lt;@123&gt; [x](http://evil) @channel' }]);
    expect(hook.bodies('/discord/token')).toEqual([
      { content: 'ana → ben: handoff: @everyone \\<@123\\> \\[x\\]\\(http://evil\\) @channel', allowed_mentions: { parse: [] } },
    ]);
    expect(hook.bodies('/mattermost/token')).toEqual([
      { text: 'ana → ben: handoff: @\u200deveryone \\<@\u200d123\\> \\[x\\]\\(http://evil\\) @\u200dchannel' },
    ]);
    expect(hook.bodies('/teams/token')).toEqual([
      {
        type: 'message',
        attachments: [
          {
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: {
              type: 'AdaptiveCard',
              version: '1.4',
              body: [{ type: 'TextBlock', text: 'ana → ben: handoff: @everyone <\u200b@123> [x]\u200b(http://evil) @channel', wrap: true }],
            },
          },
        ],
      },
    ]);
    expect(hook.bodies('/json/token')).toEqual([{ event: 'handoff', id, kind: 'handoff', author: 'ana', to: ['ben'], summary: ask }]);
    expect(hook.bodies('/decisions/token')).toEqual([]);
  });

  it('posts a decision to the hooks that want decisions', async () => {
    await ok('ana', ['decide', 'Use Postgres 17', '--status', 'accepted', '--decision', 'We upgrade in January']);
    expect(hook.bodies('/decisions/token')).toEqual([
      expect.objectContaining({ event: 'decision', kind: 'decision', author: 'ana', to: [], summary: 'Use Postgres 17' }),
    ]);
    expect(hook.bodies('/slack/token')).toEqual([{ text: 'ana: decision (accepted): Use Postgres 17' }]);
  });

  it('guesses the format from the host, or asks for --format (exit 2)', async () => {
    const slack = await ok('ana', ['notify', 'add', 'https://hooks.slack.com/services/T1/B2/abc']);
    expect(slack.stdout).toMatch(/^Added https:\/\/hooks\.slack\.com\/services\/\*\*\*\* \(slack; handoff, blocker, overdue, decision\)/);
    const teams = await ok('ana', ['notify', 'add', 'https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual?sig=secret']);
    expect(teams.stdout).toContain('/workflows/****?**** (teams;');
    const discord = await ok('ana', ['notify', 'add', 'https://discord.com/api/webhooks/1/abc', '--on', 'handoff']);
    expect(discord.stdout).toContain('(discord; handoff)');
    const unknown = await team.run('ana', ['notify', 'add', 'https://chat.example.com/hooks/abc']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Cannot tell which chat tool .* belongs to\. Pass --format/);
    for (const url of ['https://hooks.slack.com/services/T1/B2/abc', 'https://discord.com/api/webhooks/1/abc'])
      await ok('ana', ['notify', 'remove', url]);
    await ok('ana', ['notify', 'rm', 'https://prod-01.westeurope.logic.azure.com/workflows/abc/triggers/manual?sig=secret']);
  });

  it.each([
    [['notify', 'add', 'ftp://example.com/hook', '--format', 'json'], /must start with https:\/\/ or http:\/\//],
    [['notify', 'add', 'not a url', '--format', 'json'], /is not a URL/],
    [['notify', 'add', 'https://example.com/h', '--format', 'irc'], /Unknown format irc for --format/],
    [['notify', 'add', 'https://example.com/h', '--format', 'json', '--on', 'update'], /Unknown event update for --on/],
    [['notify', 'remove', 'https://example.com/never-added'], /is not one of this workspace's webhooks/],
  ])('%j exits 2 and changes nothing', async (argv, message) => {
    const settings = join(team.env.XDG_CONFIG_HOME!, 'async', 'notify.json');
    const before = readFileSync(settings, 'utf8');
    const result = await team.run('ana', argv);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(message);
    expect(readFileSync(settings, 'utf8')).toBe(before);
  });

  it('a failing webhook with HTTPS_PROXY set says how Node uses a proxy', async () => {
    team.env.HTTPS_PROXY = 'http://proxy.invalid:3128';
    hook.plan = Array(2 * 3 * 6).fill(503);
    try {
      const result = await team.run('ana', ['notify', 'test']);
      expect(result.code).toBe(1);
      expect(result.stdout).toContain('HTTP 503');
      expect(result.stderr).toContain(
        'HTTPS_PROXY is set, but notifications use it only with NODE_USE_ENV_PROXY=1 on Node 22.21, 24 or later.',
      );
      // Told to use it (Node reads the variable at start-up; this process goes direct either way): no note.
      team.env.NODE_USE_ENV_PROXY = '1';
      const told = await team.run('ana', ['notify', 'test']);
      expect(told.code).toBe(1);
      expect(told.stderr).not.toContain('HTTPS_PROXY');
    } finally {
      delete team.env.NODE_USE_ENV_PROXY;
      delete team.env.HTTPS_PROXY;
      hook.plan = [];
    }
  });

  it('a settings file that is not ours is reported, never overwritten, and never fails a write', async () => {
    const settings = join(team.env.XDG_CONFIG_HOME!, 'async', 'notify.json');
    const before = readFileSync(settings, 'utf8');
    writeFileSync(settings, '{ not json');
    try {
      const wrote = await ok('ana', ['update', '--blocker', 'printer on fire']);
      expect(wrote.stderr).toMatch(/^warning: .*notify\.json is not a notification settings file .*; fix or delete it\.\n$/);
      const add = await team.run('ana', ['notify', 'add', 'https://hooks.slack.com/services/a/b/c']);
      expect(add.code).toBe(1);
      expect(readFileSync(settings, 'utf8')).toBe('{ not json');
    } finally {
      writeFileSync(settings, before);
    }
  });

  it('remove drops the webhook and what waits for it', async () => {
    await ok('ana', ['handoff', '--to', 'ben', '--ask', 'queued only', '--no-push']);
    expect((await ok('ana', ['notify', 'list'])).stdout).toMatch(
      /\/slack\/\*\*\*\* +slack +handoff, blocker, overdue, decision +1 waiting\n/,
    );
    const removed = await ok('ana', ['notify', 'remove', hook.url('/slack/token')]);
    expect(removed.stdout).toMatch(/^Removed http:\/\/127\.0\.0\.1:\d+\/slack\/\*\*\*\* and 1 message waiting for it\.\n$/);
    await ok('ana', ['sync']);
    expect(hook.bodies('/slack/token')).toEqual([]);
    expect(hook.bodies('/discord/token')).toHaveLength(1);
  });
});
