import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { todayInLatvia } from '../ids';

const riga = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Riga' });

describe('todayInLatvia', () => {
  it('gives the date in Riga, not in UTC, around midnight in winter and summer time', () => {
    expect(todayInLatvia(new Date('2026-01-14T21:59:59.999Z'))).toBe('2026-01-14');
    expect(todayInLatvia(new Date('2026-01-14T22:00:00Z'))).toBe('2026-01-15');
    expect(todayInLatvia(new Date('2026-07-14T20:59:59.999Z'))).toBe('2026-07-14');
    expect(todayInLatvia(new Date('2026-07-14T21:00:00Z'))).toBe('2026-07-15');
  });

  it('agrees with formatting every instant afresh, every 7 minutes over two years of DST changes', () => {
    const step = 7 * 60 * 1000;
    for (let t = Date.parse('2025-01-01T00:00:00Z'); t < Date.parse('2027-01-01T00:00:00Z'); t += step) {
      const instant = new Date(t + (t % 59_999)); // not always on a minute boundary
      expect(todayInLatvia(instant)).toBe(riga.format(instant));
    }
  });

  it('refuses an invalid date', () => {
    assert.throws(() => todayInLatvia(new Date(Number.NaN)), RangeError);
  });
});
