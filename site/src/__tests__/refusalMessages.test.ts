import { describe, expect, it } from '@jest/globals';
import { explainRefusal } from '../gateway/refusalMessages';
import { freePlacesText } from '../pages/freePlacesText';

describe('what a visitor reads', () => {
  it('explains refusals in Latvian by reason, then by field, then by code', () => {
    expect(explainRefusal({ code: 'VALIDATION_FAILED', reason: 'OUTSIDE_FUND_PERIOD' }).message).toMatch(/2025–2028/);
    expect(explainRefusal({ code: 'VALIDATION_FAILED', field: 'after' })).toEqual({
      status: 400,
      message: 'Saite uz šo lapu vairs nav derīga. Sāciet no kataloga sākuma.',
    });
    expect(explainRefusal({ code: 'UNAVAILABLE' }).status).toBe(503);
    expect(explainRefusal({ code: 'SOMETHING_NEW' })).toEqual({
      status: 502,
      message: 'Kataloga serverī radās kļūda. Lūdzu, mēģiniet vēlāk.',
    });
  });

  it('counts free places with Latvian number agreement', () => {
    expect(freePlacesText(0)).toBe('vietu nav');
    expect(freePlacesText(1)).toBe('brīva 1 vieta');
    expect(freePlacesText(21)).toBe('brīva 21 vieta');
    expect(freePlacesText(11)).toBe('brīvas 11 vietas');
    expect(freePlacesText(30)).toBe('brīvas 30 vietas');
  });
});

describe("a school's booking refusals", () => {
  it('explains every reason the catalogue gives for refusing a booking in Latvian of its own', async () => {
    const { BookingRefusal } = await import('../../../services/catalogue/src/domain/bookingRules');
    const generic = explainRefusal({ code: 'CONFLICT' }).message;
    for (const reason of [...Object.values(BookingRefusal), 'BOOKING_NOT_ACTIVE', 'OUTSIDE_FUND_PERIOD']) {
      expect({ reason, message: explainRefusal({ code: 'CONFLICT', reason }).message }).not.toEqual({ reason, message: generic });
    }
    expect(explainRefusal({ code: 'VALIDATION_FAILED', field: 'pupils' }).message).toBe(
      'Skolēnu skaitam jābūt veselam skaitlim, vismaz 1.',
    );
  });
});
