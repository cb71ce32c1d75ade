import { describe, expect, it } from 'vitest';
import { plain } from '../../../src/ui/color.js';
import { renderPreview } from '../../../src/ui/preview.js';
import { at, entry } from '../catchup/fixtures.js';

const NY = { zone: 'America/New_York' };

describe('renderPreview of a handoff', () => {
  const handoff = entry('20261124T200000Z-alice-aaaa', {
    kind: 'handoff',
    author: 'alice',
    created: '2026-11-24T15:00:00-05:00',
    to: ['bob'],
    asks: ['Run the migration'],
  });

  it('shows its deadline, in the writer’s zone as catch-up shows times', () => {
    const text = renderPreview({ ...handoff, ackBy: '2026-11-25T08:00:00-05:00', ackByMs: at('2026-11-25T13:00:00Z') }, plain, NY);
    expect(text).toContain('  Ack by: Wed 25 Nov 08:00\n');
  });

  it('and what it reroutes', () => {
    expect(renderPreview({ ...handoff, reroutes: '20261123T200000Z-carol-bbbb' }, plain, NY)).toContain(
      '  Reroutes: 20261123T200000Z-carol-bbbb\n',
    );
  });

  it('none without a deadline', () => {
    expect(renderPreview(handoff, plain, NY)).not.toContain('Ack by');
  });
});
