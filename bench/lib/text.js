/**
 * What people write: short work items and a Markdown body, from a small vocabulary. Sizes and
 * shapes match real stand-up notes (a few lines, sometimes a list, a link, a code span), so the
 * parser sees the same kind of text it sees in use.
 */
const VERBS = [
  'Shipped',
  'Reviewed',
  'Fixed',
  'Refactored',
  'Investigated',
  'Deployed',
  'Documented',
  'Tested',
  'Paired on',
  'Benchmarked',
  'Cleaned up',
  'Prototyped',
];
const THINGS = [
  'the retry logic for uploads',
  'the billing export',
  'the login rate limiter',
  'the search indexer',
  'flaky CI on the API service',
  'the schema migration for invoices',
  'the mobile release checklist',
  'the on-call runbook',
  'the cache invalidation bug',
  'the metrics dashboard',
  'the queue consumer backpressure',
  'the onboarding flow',
  'the GDPR export job',
  'the feature flag cleanup',
  'the staging certificates',
  'the payments webhook',
  'the image resizer',
  'the nightly backup check',
  'the audit log pipeline',
  'the dark mode toggle',
];
const NEXTS = ['Start on', 'Finish', 'Review the PR for', 'Write tests for', 'Roll out', 'Plan', 'Measure', 'Split up'];
const BLOCKERS = [
  'Staging DB is read-only',
  'Waiting on the security review',
  'CI runners are out of disk',
  'The vendor API returns 500s',
  'Need production access',
  'The design is not final',
  'Build cache is corrupted',
  'Load test environment is down',
];
const ASKS = [
  'Please run the migration on staging',
  'Can you keep an eye on the error rate',
  'Please merge once CI is green',
  'Take over the incident follow-up',
  'Answer the customer thread',
  'Check the overnight batch output',
];
export const TAGS = ['uploads', 'billing', 'infra', 'mobile', 'search', 'security', 'release', 'incident', 'ux', 'data'];
const REPOS = ['api', 'web', 'mobile', 'infra', 'billing', 'search'];
const SENTENCES = [
  'The root cause was a missing index on the events table.',
  'Numbers look good so far, p95 is down by a third.',
  'I left notes in the ticket for whoever picks this up.',
  'Tests pass locally; CI is slower than usual today.',
  'We agreed to revisit this after the release.',
  'Rollback plan is in the runbook.',
  'Most of the day went into code review.',
  'The customer confirmed the fix works for them.',
  'There is a follow-up for the edge case with empty files.',
  'I paired with the mobile team to reproduce it.',
];

export function workItem(rng) {
  return `${rng.pick(VERBS)} ${rng.pick(THINGS)}`;
}

export function nextItem(rng) {
  return `${rng.pick(NEXTS)} ${rng.pick(THINGS)}`;
}

/** A blocker, sometimes asking someone by `@handle`. */
export function blocker(rng, mention) {
  const base = rng.pick(BLOCKERS);
  return mention ? `${base}, need @${mention} to ${rng.pick(['restore access', 'approve it', 'take a look', 'unblock this'])}` : base;
}

export function ask(rng) {
  return `${rng.pick(ASKS)} before ${rng.pick(['10:00', '14:00', 'your standup', 'end of day'])} your time`;
}

export function link(rng) {
  return `https://git.example.com/platform/${rng.pick(REPOS)}/pull/${rng.int(100, 9999)}`;
}

/** A Markdown body: often empty, else a paragraph or two, now and then a list or a code span. */
export function notes(rng) {
  if (rng.chance(0.3)) return '';
  const parts = [];
  const paragraphs = rng.int(1, 3);
  for (let p = 0; p < paragraphs; p++) {
    parts.push(Array.from({ length: rng.int(1, 3) }, () => rng.pick(SENTENCES)).join(' '));
  }
  if (rng.chance(0.25)) parts.push(Array.from({ length: rng.int(2, 4) }, () => `- ${workItem(rng)}`).join('\n'));
  if (rng.chance(0.15)) parts.push(`Run \`make check-${rng.pick(REPOS)}\` before merging.`);
  return parts.join('\n\n');
}

const RESERVED = /^(?:y|n|yes|no|on|off|true|false|null|~)$/i;

/**
 * A YAML scalar for a list item: plain when it is plainly text, else double-quoted (JSON's
 * escapes are valid YAML), as the tool's own writer does.
 */
export function scalar(text, { flow = false } = {}) {
  const plain =
    /^[A-Za-z][\p{L}0-9 .,'()/@#_-]*$/u.test(text) && !/: | #|:$/.test(text) && !RESERVED.test(text) && !(flow && /,/.test(text));
  return plain ? text : JSON.stringify(text);
}
