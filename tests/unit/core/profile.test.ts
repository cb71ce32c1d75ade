import { describe, expect, it } from 'vitest';
import { InvalidInput } from '../../../src/core/invalid.js';
import { applyProfile, checkHours } from '../../../src/core/profile.js';

const DEFAULTS = { hours: '09:00-17:00', workdays: ['mon', 'tue', 'wed', 'thu', 'fri'] as const };

describe('--hours in a profile', () => {
  it.each([
    ['9-17', '09:00-17:00'],
    ['9am-5:30pm', '09:00-17:30'],
    ['22-6', '22:00-06:00'],
    ['00:00-24:00', '00:00-24:00'],
  ])('writes %j as %s', (input, stored) => {
    const member = applyProfile('alice', { tz: 'Europe/Berlin', hours: input }, {}, { ...DEFAULTS, workdays: [...DEFAULTS.workdays] });
    expect([member.hours, member.window]).toEqual([stored, expect.objectContaining({})]);
    expect(checkHours(input)).toBe(stored);
  });

  it('says an empty window is empty and how to say all day', () => {
    const error = (() => {
      try {
        checkHours('09:00-09:00');
      } catch (caught) {
        return caught as InvalidInput;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(InvalidInput);
    expect(error?.message).toBe('--hours "09:00-09:00" is an empty window: it ends when it starts.');
    expect(error?.hint).toContain('00:00-24:00');
  });

  it('asks rather than reading 9-5 as a 20-hour night', () => {
    expect(() => checkHours('9-5')).toThrow('--hours "9-5" is ambiguous: it reads as a night shift that crosses midnight.');
    try {
      checkHours('9-5');
    } catch (error) {
      expect((error as InvalidInput).hint).toBe('Did you mean 09:00-17:00? Write a night shift in 24-hour time, e.g. 21:00-05:00.');
    }
  });

  it('names the forms it reads when it cannot read one', () => {
    expect(() => checkHours('nine to five')).toThrow('--hours "nine to five" is not a working window.');
  });
});
