/** The timezone engine: pure functions of instants (epoch ms) and schedules. No I/O, no clock. */
export { canonicalZone, isValidZone, nextOffsetChange, TZ_RELEASE, zoneNames } from './zone.js';
export { legacyZoneWarning, suggestZone } from './zoneHint.js';
export { formatDate, isIsoDate } from './calendar.js';
export type { LocalDate } from './calendar.js';
export { parseHours, parseWorkdays, readHoursInput } from './parse.js';
export type { Hours, HoursInput } from './parse.js';
export { formatOffsetIso, instantToLocal, localToInstant } from './local.js';
export type { LocalDateTime } from './local.js';
export { CROWD_THRESHOLD, type Crowd, crowdValidUntil, groupCrowd, isOnlineNow, type MemberNow, NEXT_STARTS, teamStatus } from './crowd.js';
export { holidayAt, isAway, memberStatus, nextWindowStart, SEARCH_DAYS, STRETCH_DAYS, statusValidUntil, windowAt } from './windows.js';
export type { MemberStatus, WorkWindow } from './windows.js';
export { HANDOFF_GRACE_MS, pickRecipients } from './handoff.js';
export type { Handoff, Recipient } from './handoff.js';
export { formatDuration, MAX_DURATION_MS, parseDuration } from './duration.js';
export { distanceFromHours, planOverlap, SLOT_MS, windowsBetween } from './overlap.js';
export type { FairSlot, OverlapMember, OverlapPlan, Outside, SharedWindow } from './overlap.js';
export { ackDeadline, DEFAULT_ACK_WITHIN_MS, recipientDeadline } from './deadline.js';
