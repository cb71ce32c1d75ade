import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '../../../src/core/types.js';
import { readSavedWho, type SavedWho, saveWho } from '../../../src/store/whoView.js';
import type { Workspace } from '../../../src/store/workspace.js';
import { zoneDataSubset } from '../../../src/tz/zone.js';

const ana: Member = { handle: 'ana', name: 'Ana', tz: 'Europe/Berlin', hours: '09:00-17:00', workdays: ['mon', 'tue'], away: [] };
const FROM = Date.parse('2026-11-24T12:00:00Z');
const UNTIL = Date.parse('2026-11-24T12:15:00Z');
const view = (extra: Partial<SavedWho> = {}): SavedWho => ({
  stamp: 'stamp-1',
  from: FROM,
  until: UNTIL,
  team: 'Platform',
  total: 1,
  warnings: ['members/x.yaml: skipped'],
  reader: ana,
  layout: 'all',
  sections: [
    {
      title: '',
      rows: [{ member: ana, status: { online: true, until: UNTIL, stretchUntil: UNTIL, next: null, away: false, holiday: null } }],
      more: 0,
    },
  ],
  zones: zoneDataSubset(['Europe/Berlin']),
  ...extra,
});

let ws: Workspace;
beforeEach(() => {
  const root = mkdtempSync(join(tmpdir(), 'who-view-'));
  ws = { root, gitDir: join(root, '.git') };
  mkdirSync(ws.gitDir);
});
afterEach(() => rmSync(ws.root, { recursive: true, force: true }));
const file = () => join(ws.gitDir, 'async', 'cache', 'who.json');

describe('the saved who view', () => {
  /** The roster's stamp as the reader finds it, and how often it was asked for. */
  let asked = 0;
  const stamp =
    (value: string | null = 'stamp-1') =>
    () => {
      asked++;
      return value ?? undefined;
    };
  beforeEach(() => {
    asked = 0;
  });

  it('is served for its reader and stamp while the clock is in [from, until)', async () => {
    await saveWho(ws, view());
    expect(await readSavedWho(ws, 'ana', FROM, stamp())).toEqual(view());
    expect(await readSavedWho(ws, 'ana', UNTIL - 1, stamp())).toEqual(view());
  });

  it.each([
    ['at its end', 'ana', UNTIL, 'stamp-1'],
    ['after it', 'ana', UNTIL + 3_600_000, 'stamp-1'],
    ['before it (a clock set back)', 'ana', FROM - 1, 'stamp-1'],
    ['for another reader', 'bob', FROM, 'stamp-1'],
    ['for another stamp (a member file changed)', 'ana', FROM, 'stamp-2'],
    ['when the roster cannot be stamped', 'ana', FROM, null],
  ])('is a miss %s', async (_name, handle, at, now) => {
    await saveWho(ws, view());
    expect(await readSavedWho(ws, handle, at, stamp(now))).toBeUndefined();
  });

  it('asks for the stamp (a stat per member file) only when everything else holds', async () => {
    await saveWho(ws, view());
    await readSavedWho(ws, 'ana', UNTIL, stamp());
    await readSavedWho(ws, 'bob', FROM, stamp());
    expect(asked).toBe(0);
    await readSavedWho(ws, 'ana', FROM, stamp());
    expect(asked).toBe(1);
  });

  it('holds for good when nothing ever changes (until null)', async () => {
    await saveWho(ws, view({ until: null }));
    expect(await readSavedWho(ws, 'ana', FROM + 1e12, stamp())).toMatchObject({ until: null });
  });

  it('keeps no holiday tables (Maps): the statuses already say who is on a holiday', async () => {
    const withHolidays = { ...ana, holidays: 'DE', holidayDates: new Map([['2026-12-25', 'Christmas']]) };
    await saveWho(ws, view({ reader: withHolidays }));
    const read = await readSavedWho(ws, 'ana', FROM, stamp());
    expect(read?.reader).toEqual({ ...ana, holidays: 'DE' });
  });

  it.each([
    ['cut short', (text: string) => text.slice(0, 120)],
    ['a row without a status', (text: string) => text.replace('"status":{', '"statux":{')],
    ['an until of the wrong type', (text: string) => text.replace(`"until":${UNTIL},"team"`, '"until":"soon","team"')],
    ['not JSON', () => '\u0000\u0001'],
    ['tz tables missing', (text: string) => text.replace('"zones":{', '"zonez":{')],
    ['no stamp', (text: string) => text.replace('"stamp":"stamp-1",', '')],
  ])('a damaged file (%s) is a miss, never an answer', async (_name, damage) => {
    await saveWho(ws, view());
    const text = readFileSync(file(), 'utf8');
    const damaged = damage(text);
    expect(damaged).not.toBe(text);
    writeFileSync(file(), damaged);
    expect(await readSavedWho(ws, 'ana', FROM, stamp())).toBeUndefined();
  });
});
