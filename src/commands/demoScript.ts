/** The demo team's day, as CLI invocations: five people, five zones, one bare remote. */
export const DEMO_TEAM = 'Platform';
export const DEMO_READER = 'priya';

/** `{id:HANDLE:HOURS}` stands for the id prefix of the entry HANDLE wrote HOURS ago. */
interface Step {
  hoursAgo: number;
  argv: string[];
}

const join = (handle: string, tz: string, hours: string, name: string, workdays = 'mon-fri'): Step => ({
  hoursAgo: 30,
  argv: ['join', '{remote}', `{root}/${handle}`, '--as', handle, '--tz', tz, '--hours', hours, '--workdays', workdays, '--name', name],
});

const as = (handle: string, hoursAgo: number, argv: string[]): Step => ({
  hoursAgo,
  argv: [...argv, '-w', `{root}/${handle}`, '--as', handle],
});

export const DEMO_SCRIPT: readonly Step[] = [
  {
    hoursAgo: 30,
    argv: [
      'init',
      '{root}/jonas',
      '--team',
      DEMO_TEAM,
      '--remote',
      '{remote}',
      '--as',
      'jonas',
      '--tz',
      'Europe/Berlin',
      '--hours',
      '09:00-17:30',
      '--name',
      'Jonas Weber',
    ],
  },
  join('priya', 'Asia/Kolkata', '10:00-18:30', 'Priya Raman'),
  join('mei', 'Australia/Sydney', '08:30-17:00', 'Mei Chen'),
  join('ana', 'America/Sao_Paulo', '09:00-18:00', 'Ana Souza'),
  join('sam', 'America/Los_Angeles', '08:00-16:30', 'Sam Okafor'),
  as('priya', 26, [
    'update',
    '--done',
    'Reviewed the billing migration plan',
    '--next',
    'Load-test the new queue consumer',
    '--tag',
    'billing',
  ]),
  as('mei', 22, [
    'update',
    '--done',
    'Upgraded the staging cluster to 1.31',
    '--next',
    'Rotate the staging TLS certificates',
    '--blocker',
    'Staging certificates expire Friday; @jonas owns the vault access',
    '--tag',
    'infra',
  ]),
  as('priya', 16, [
    'handoff',
    '--to',
    'jonas',
    '--ask',
    'Run the billing migration on staging before 11:00 your time',
    '--ask',
    'Tell #billing when it is done',
    '--done',
    'Dry run passed on a copy of production',
    '--note',
    'State: ready to run. The script is idempotent; rerun it if it times out.',
    '--link',
    'https://example.com/pr/482',
  ]),
  as('jonas', 10, [
    'update',
    '--done',
    'Migrated billing on staging',
    '--next',
    'Watch error rates overnight',
    '--blocker',
    'Need @sam to approve the firewall change for the queue',
    '--tag',
    'billing',
  ]),
  as('jonas', 8, [
    'handoff',
    '--to',
    'ana',
    '--to',
    'sam',
    '--ask',
    'Keep an eye on the billing dashboard during the US morning',
    '--ask',
    '@priya will want the p95 latency numbers',
    '--next',
    'Roll back with `make rollback-billing` if errors pass 1%',
  ]),
  as('jonas', 9, [
    'decide',
    'Move the billing queue to Postgres',
    '--context',
    'The hosted queue costs three times what it did in spring, and retries hide lost messages.',
    '--option',
    'Postgres with SKIP LOCKED',
    '--option',
    'Stay on the hosted queue, tune the retries',
    '--input-by',
    '+3d',
    '--tag',
    'billing',
  ]),
  as('mei', 5, ['reply', '{id:jonas:9}', '--note', 'Postgres works for infra; @priya has the load numbers to size it.']),
  as('ana', 7, ['ack', '{id:jonas:8}', '--note', 'On it; I will watch the dashboard until Sam is online.']),
  as('ana', 6, [
    'update',
    '--done',
    'Checked billing dashboards: all green',
    '--next',
    'Write up the incident review draft',
    '--note',
    '@priya the p95 went from 180ms to 140ms after the migration.',
  ]),
  as('sam', 2, [
    'handoff',
    '--to',
    'priya',
    '--ask',
    'Start the load test on the queue consumer at 500 rps',
    '--ask',
    'Approve the firewall change in PR 490 if the numbers hold',
    '--done',
    'Deployed consumer v2 to staging',
    '--blocker',
    'Load balancer quota is at 90%; @priya may need to request more',
    '--link',
    'https://example.com/pr/490',
  ]),
];
