import { describe, expect, it } from 'vitest';
import type { Member } from '../../../src/core/types.js';
import { plain } from '../../../src/ui/color.js';
import { renderMemberList } from '../../../src/ui/members.js';
import { measureFor } from '../../../src/ui/width.js';

const base: Member = { handle: 'ana', name: 'Ana', tz: 'Pacific/Auckland', hours: '09:00-17:00', workdays: ['mon'], away: [] };
// 30 Nov 2026 11:00 UTC: already 1 Dec in Auckland.
const NOW = Date.parse('2026-11-30T11:00:00Z');

describe('member list', () => {
  it.each([
    ['time off that is over is left out', [{ from: '2026-11-02', to: '2026-11-05' }], ''],
    ['ending today (in the member’s zone) is still shown', [{ from: '2026-11-28', to: '2026-12-01' }], '2026-11-28..2026-12-01'],
    ['ended yesterday there, though still today in UTC', [{ from: '2026-11-30', to: '2026-11-30' }], ''],
    ['upcoming, one day', [{ from: '2026-12-24', to: '2026-12-24' }], '2026-12-24'],
  ])('%s', (_name, away, shown) => {
    const [head, row] = renderMemberList([{ ...base, away }], plain, NOW).split('\n');
    expect(head).toMatch(/^HANDLE +NAME +ZONE +HOURS +WORKDAYS +HOLIDAYS +TIME OFF$/);
    expect(row!.endsWith(shown === '' ? 'mon' : shown)).toBe(true);
  });

  it('lines up names by terminal cells', async () => {
    const members = [base, { ...base, handle: 'chen', name: '陈伟' }];
    const lines = renderMemberList(members, plain, NOW, await measureFor(members.map((m) => m.name))).split('\n');
    expect(lines[1]!.indexOf('Pacific')).toBe(lines[2]!.indexOf('Pacific') + 2);
  });
});
