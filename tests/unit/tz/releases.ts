/**
 * The changes to 2026-2027 local time between the tz releases the oracles may carry (Debian's
 * tzdata, the ICU of Node 20/22/24) and the one the tool ships. A disagreement with an oracle is
 * accepted only where one of these explains it: the oracle's release predates the change, the zone
 * is one it names, and the instant is on or after it. Each row was found by diffing the offsets of
 * every zone in moment-timezone's packed data of consecutive releases (0.5.48 = 2025b ... 0.6.6 =
 * 2026f), hourly from June 2025 to 2028; `release` is the first release with the new rule.
 */
export interface TzChange {
  release: string;
  zones: string[];
  /** The first instant whose offset differs from the rule before. */
  from: string;
  /** Minutes east of UTC just after `from`, in the shipped data. */
  offsetAfter: number;
  /** Minutes east of UTC just after `from`, under the release before (what an older oracle says). */
  offsetBefore: number;
  what: string;
}

export const TZ_CHANGES: TzChange[] = [
  {
    release: '2026a',
    zones: ['Europe/Chisinau', 'Europe/Tiraspol'],
    from: '2025-10-26T00:00:00Z',
    offsetAfter: 180,
    offsetBefore: 120,
    what: 'Moldova changes its clocks at 01:00 UTC, as the EU does, not 00:00 UTC',
  },
  {
    release: '2026b',
    zones: ['America/Vancouver', 'Canada/Pacific'],
    from: '2026-11-01T09:00:00Z',
    offsetAfter: -420,
    offsetBefore: -480,
    what: 'British Columbia stays on -07 all year from 2026-11-01',
  },
  {
    release: '2026c',
    zones: ['Africa/Casablanca', 'Africa/El_Aaiun'],
    from: '2026-09-20T01:00:00Z',
    offsetAfter: 0,
    offsetBefore: 60,
    what: 'Morocco stays on +00 all year from 2026-09-20',
  },
  {
    release: '2026c',
    zones: ['America/Edmonton', 'America/Yellowknife', 'Canada/Mountain'],
    from: '2026-11-01T08:00:00Z',
    offsetAfter: -360,
    offsetBefore: -420,
    what: 'Alberta stays on -06 all year from 2026-11-01',
  },
  {
    release: '2026d',
    zones: ['America/Inuvik'],
    from: '2026-11-01T08:00:00Z',
    offsetAfter: -360,
    offsetBefore: -420,
    what: 'Inuvik (Northwest Territories) follows Alberta: -06 all year from 2026-11-01',
  },
  {
    release: '2026e',
    zones: ['America/Winnipeg', 'America/Rainy_River', 'Canada/Central'],
    from: '2026-11-01T07:00:00Z',
    offsetAfter: -300,
    offsetBefore: -360,
    what: 'Manitoba stays on -05 all year from 2026-11-01',
  },
  {
    release: '2026f',
    zones: ['America/Havana', 'Cuba'],
    from: '2026-11-01T05:00:00Z',
    offsetAfter: -240,
    offsetBefore: -300,
    what: 'Cuba stays on -04 all year from 2026-11-01',
  },
];

/** The change that explains an oracle on `oracleRelease` disagreeing about `zone` at `at`, if any. */
export function explains(oracleRelease: string, zone: string, at: number): TzChange | undefined {
  return TZ_CHANGES.find((change) => change.release > oracleRelease && change.zones.includes(zone) && at >= Date.parse(change.from));
}
