import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Member } from '../../../src/core/types.js';
import { readSavedWho, type SavedWho, saveWho, whoViewKey } from '../../../src/store/whoView.js';
import type { Workspace } from '../../../src/store/workspace.js';
import { zoneDataSubset } from '../../../src/tz/zone.js';

const ana: Member = { handle: 'ana', name: 'Ana', tz: 'Europe/Berlin', hours: '09:00-17:00', workdays: ['mon', 'tue'], away: [] };
const FROM = Date.parse('2026-11-24T12:00:00Z');
const UNTIL = Date.parse('2026-11-24T12:15:00Z');
const view = (extra: Partial<SavedWho> = {}): SavedWho => ({
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
  const key = whoViewKey('ana', 'stamp-1');

  it('is served for its reader and stamp while the clock is in [from, until)', async () => {
    await saveWho(ws, key, view());
    expect(await readSavedWho(ws, key, FROM)).toEqual(view());
    expect(await readSavedWho(ws, key, UNTIL - 1)).toEqual(view());
  });

  it.each([
    ['at its end', key, UNTIL],
    ['after it', key, UNTIL + 3_600_000],
    ['before it (a clock set back)', key, FROM - 1],
    ['for another reader', whoViewKey('bob', 'stamp-1'), FROM],
    ['for another stamp (a member file changed)', whoViewKey('ana', 'stamp-2'), FROM],
  ])('is a miss %s', async (_name, asked, at) => {
    await saveWho(ws, key, view());
    expect(await readSavedWho(ws, asked, at)).toBeUndefined();
  });

  it('holds for good when nothing ever changes (until null)', async () => {
    await saveWho(ws, key, view({ until: null }));
    expect(await readSavedWho(ws, key, FROM + 1e12)).toMatchObject({ until: null });
  });

  it('keeps no holiday tables (Maps): the statuses already say who is on a holiday', async () => {
    const withHolidays = { ...ana, holidays: 'DE', holidayDates: new Map([['2026-12-25', 'Christmas']]) };
    await saveWho(ws, key, view({ reader: withHolidays }));
    const read = await readSavedWho(ws, key, FROM);
    expect(read?.reader).toEqual({ ...ana, holidays: 'DE' });
  });

  it.each([
    ['cut short', (text: string) => text.slice(0, 120)],
    ['a row without a status', (text: string) => text.replace('"status":{', '"statux":{')],
    ['an until of the wrong type', (text: string) => text.replace(`"until":${UNTIL},"team"`, '"until":"soon","team"')],
    ['not JSON', () => '\u0000\u0001'],
    ['tz tables missing', (text: string) => text.replace('"zones":{', '"zonez":{')],
  ])('a damaged file (%s) is a miss, never an answer', async (_name, damage) => {
    await saveWho(ws, key, view());
    const text = readFileSync(file(), 'utf8');
    const damaged = damage(text);
    expect(damaged).not.toBe(text);
    writeFileSync(file(), damaged);
    expect(await readSavedWho(ws, key, FROM)).toBeUndefined();
  });
});
