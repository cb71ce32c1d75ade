import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import type { Member, Weekday } from '../../../src/core/types.js';
import { groupCrowd, teamStatus } from '../../../src/tz/index.js';
import { plain } from '../../../src/ui/color.js';
import { whoJson } from '../../../src/ui/who.js';
import { CROWD_SHOWN, crowdSections, renderCrowd } from '../../../src/ui/whoCrowd.js';
import { measureForCells } from '../../../src/ui/width.js';

const WEEK: Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri'];
// Tuesday 2026-11-24 12:00 UTC.
const AT = Date.parse('2026-11-24T12:00:00Z');
const ZONES = ['Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'America/Los_Angeles', 'Asia/Tokyo'];
/** 40 members over five zones and three shifts; member 00 is the reader, in Berlin. */
const team: Member[] = Array.from({ length: 40 }, (_, i) => ({
  handle: `m${String(i).padStart(2, '0')}`,
  name: i % 7 === 3 ? `Łukasz Petrović-Etxeberria ${i}` : `Person ${i}`,
  tz: ZONES[i % ZONES.length]!,
  hours: ['09:00-17:00', '06:00-14:00', '22:00-06:00'][i % 3]!,
  workdays: WEEK,
  away: i === 10 ? [{ from: '2026-11-20', to: '2026-11-30' }] : [],
}));
const reader = team[0]!;
const rows = teamStatus(team, AT);
const crowd = groupCrowd(rows, reader.handle, AT);

async function render(width: number, groups = crowd, you: Member | undefined = reader) {
  const sections = crowdSections(groups);
  const measure = await measureForCells(sections.flatMap((section) => section.rows.map((row) => row.member.name)));
  return { sections, text: renderCrowd(AT, 'Platform', team.length, sections, you, plain, { width, measure }) };
}

describe('who for a large team: the groups', () => {
  it.each([60, 100])('fit a terminal %i columns wide, every group a few rows with how many more', async (width) => {
    const { sections, text } = await render(width);
    const lines = text.split('\n').slice(0, -1);
    for (const line of lines) expect(stringWidth(line)).toBeLessThanOrEqual(width);
    expect(lines[1]).toBe('40 members · async who --all lists everyone');
    const titles = lines.filter((line) => /^\S/.test(line)).slice(2);
    expect(titles).toEqual([`Online now (${crowd.onlineNow.length})`, 'Online next', 'Your zone (UTC+01:00)']);
    for (const section of sections) {
      const at = lines.indexOf(section.title);
      const body = lines.slice(at + 1, lines.indexOf('', at) === -1 ? undefined : lines.indexOf('', at));
      const shown = body.filter((line) => !line.includes('… and'));
      expect(shown.length).toBe(section.rows.length);
      expect(body.includes(`  … and ${section.more} more`)).toBe(section.more > 0);
    }
    expect(sections[0]!.rows.length).toBe(CROWD_SHOWN.onlineNow);
    expect(sections[0]!.more).toBe(crowd.onlineNow.length - CROWD_SHOWN.onlineNow);
    // You first in your zone, marked.
    expect(lines[lines.indexOf('Your zone (UTC+01:00)') + 1]).toMatch(/^ {2}[●○–] {2}m00 \(you\)/);
  });

  it('with room, names and zones show; at 60 columns they give way to the time and status', async () => {
    expect((await render(200)).text).toMatch(/m00 \(you\) +Person 0 +Tue 13:00 +Europe\/Berlin +online/);
    const narrow = (await render(60)).text;
    expect(narrow).not.toContain('Person ');
    expect(narrow).toMatch(/m\d\d +Tue \d\d:\d\d +online/);
  });

  it('the columns line up across the groups', async () => {
    const { text } = await render(100);
    const starts = text
      .split('\n')
      .filter((line) => /^ {2}[●○–] /.test(line))
      .map((line) => line.search(/(Mon|Tue|Wed) \d\d:\d\d/));
    expect(new Set(starts).size).toBe(1);
  });

  it('nobody online: says so; no reader: no zone group', async () => {
    const empty = { ...crowd, onlineNow: [], offsetMinutes: null, neighbours: [] };
    const { text } = await render(60, empty, undefined);
    expect(text).toContain('Online now (0)\n  nobody\n');
    expect(text).not.toContain('Your zone');
  });

  it('nobody shares your offset: the nearest zones, named as such', async () => {
    const { text } = await render(100, { ...crowd, shareOffset: false, offsetMinutes: 330 });
    expect(text).toContain('Nearest to your zone (UTC+05:30)');
  });
});

describe('who --json for a large team', () => {
  it('holds every member, with onlineNow: online and neither away nor on a holiday', () => {
    const doc = whoJson(AT, rows);
    expect(doc.members).toHaveLength(40);
    const online = new Set(crowd.onlineNow.map((row) => row.member.handle));
    for (const member of doc.members) expect(member.onlineNow).toBe(online.has(member.handle));
    expect(doc.members.find((member) => member.handle === 'm10')).toMatchObject({ away: true, onlineNow: false });
  });
});
