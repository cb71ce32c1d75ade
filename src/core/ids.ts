/**
 * Entry ids: `20261124T173012Z-alice-k3f9`, the UTC creation second, the author's handle and four
 * base-36 characters of randomness. The fixed-width timestamp comes first so that ids sort by time
 * as plain strings (for years 1000-9999), and two writers in the same second still differ.
 */
import { HANDLE_PATTERN, isValidHandle } from './handle.js';

const SUFFIX_LENGTH = 4;
const ID = new RegExp(`^(\\d{4})(\\d{2})(\\d{2})T(\\d{2})(\\d{2})(\\d{2})Z-(${HANDLE_PATTERN})-([a-z0-9]{4,16})$`);

export function makeEntryId(createdMs: number, handle: string, random: () => number): string {
  const iso = Number.isFinite(createdMs) ? new Date(createdMs).toISOString() : '';
  if (!/^\d{4}-/.test(iso)) throw new RangeError(`Cannot make an entry id for the time ${createdMs}.`);
  if (!isValidHandle(handle)) throw new RangeError(`Cannot make an entry id for the handle ${JSON.stringify(handle)}.`);
  const stamp = `${iso.slice(0, 4)}${iso.slice(5, 7)}${iso.slice(8, 10)}T${iso.slice(11, 13)}${iso.slice(14, 16)}${iso.slice(17, 19)}Z`;
  let suffix = '';
  for (let i = 0; i < SUFFIX_LENGTH; i++) {
    const digit = Math.min(35, Math.max(0, Math.floor(random() * 36)));
    suffix += (Number.isNaN(digit) ? 0 : digit).toString(36);
  }
  return `${stamp}-${handle}-${suffix}`;
}

/** Also accepts longer suffixes (up to 16), so ids written by other versions still read. */
export function isEntryId(s: unknown): s is string {
  return typeof s === 'string' && idParts(s) !== null;
}

/** The UTC second the id was made in, as epoch ms; null if `id` is not an entry id. */
export function idTimestampMs(id: string): number | null {
  return idParts(id)?.ms ?? null;
}

/** The author's handle written in the id; null if `id` is not an entry id. */
export function idHandle(id: string): string | null {
  return idParts(id)?.handle ?? null;
}

function idParts(id: string): { ms: number; handle: string } | null {
  const m = ID.exec(id);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute, second);
  const back = new Date(ms);
  // Date.UTC rolls 2026-02-30 over into March and reads years below 100 as 19xx.
  const real = back.getUTCFullYear() === year && back.getUTCMonth() === month - 1 && back.getUTCDate() === day;
  if (!real || hour > 23 || minute > 59 || second > 59) return null;
  const handle = m[7] ?? '';
  return isValidHandle(handle) ? { ms, handle } : null;
}

/** The id an entry file's name carries (`entries/YYYY/MM/DD/<id>.md`), whatever the file holds. */
export function fileEntryId(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1, -'.md'.length);
}

/**
 * The folder under entries/ an id prefix names by its leading UTC date (SPEC §1: entries are
 * sharded by it): `2026/11/24` for `20261124T…`, `2026/11` for `202611`, `2026` for `2026`;
 * null when the prefix does not start with a year, so it names no folder.
 */
export function idPrefixFolder(prefix: string): string | null {
  const digits = /^\d*/.exec(prefix)?.[0] ?? '';
  if (digits.length >= 8) return `${digits.slice(0, 4)}/${digits.slice(4, 6)}/${digits.slice(6, 8)}`;
  if (digits.length >= 6) return `${digits.slice(0, 4)}/${digits.slice(4, 6)}`;
  if (digits.length >= 4) return digits.slice(0, 4);
  return null;
}
