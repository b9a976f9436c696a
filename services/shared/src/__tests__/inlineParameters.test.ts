import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { inlineParameters } from '../pipelinedTransaction';

describe('inlineParameters', () => {
  it('inlines strings as escaped literals, so quotes and backslashes cannot end them', () => {
    expect(inlineParameters('SELECT $1', ["O'Brien"])).toBe("SELECT 'O''Brien'");
    // pg's escapeLiteral writes a backslash-bearing string as E'…' with a space before it.
    expect(inlineParameters('SELECT $1', ["a\\'); DROP TABLE booking; --"])).toBe("SELECT  E'a\\\\''); DROP TABLE booking; --'");
  });

  it("escapes exactly as pg's escapeLiteral does", () => {
    const alphabet = ["'", '\\', '"', '$', ';', '-', 'a', 'ū', '\n', ' ', '😀'];
    for (let n = 0; n < 2000; n++) {
      const length = n % 12;
      let text = '';
      for (let i = 0; i < length; i++) text += alphabet[(n * 7 + i * 13 + (n >> 3)) % alphabet.length];
      expect(inlineParameters('$1', [text])).toBe(pg.escapeLiteral(text));
    }
  });

  it('inlines numbers in parentheses (a negative one stays one operand), booleans, NULL, bigints and dates', () => {
    expect(
      inlineParameters('SELECT x + $1, $2, $3, $4, $5, $6', [
        -5,
        true,
        null,
        undefined,
        12345678901234567890n,
        new Date('2026-01-02T03:04:05Z'),
      ]),
    ).toBe("SELECT x + (-5), TRUE, NULL, NULL, (12345678901234567890), '2026-01-02T03:04:05.000Z'");
  });

  it('replaces $10 as ten, not as $1 followed by 0', () => {
    const values = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(inlineParameters('SELECT $10, $1', values)).toBe('SELECT (10), (1)');
  });

  it('refuses a placeholder without a value and a number that SQL cannot spell', () => {
    assert.throws(() => inlineParameters('SELECT $2', ['one']), RangeError);
    assert.throws(() => inlineParameters('SELECT $0', ['one']), RangeError);
    assert.throws(() => inlineParameters('SELECT $1', [Number.NaN]), RangeError);
    assert.throws(() => inlineParameters('SELECT $1', [Number.POSITIVE_INFINITY]), RangeError);
  });
});
