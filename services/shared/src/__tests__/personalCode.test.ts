import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { ErrorCode } from '@eq/shared/errors';
import { parsePersonalCode, personalCodeCheckDigit } from '../personalCode';

const TODAY = '2024-11-22';

/** Builds a dated code with a correct check digit, so samples do not hide magic numbers. */
const dated = (ddmmyy: string, centuryAndSerial: string) => {
  const first10 = `${ddmmyy}${centuryAndSerial}`;
  return `${ddmmyy}-${centuryAndSerial}${personalCodeCheckDigit(first10)}`;
};

const rejects = (code: string, message: RegExp) =>
  assert.throws(
    () => parsePersonalCode(code, TODAY),
    (error: { code?: string; message: string; details?: { field?: string } }) => {
      expect(error.code).toBe(ErrorCode.VALIDATION_FAILED);
      expect(error.details?.field).toBe('personalCode');
      expect(error.message).toMatch(message);
      // The code is personal data: it never appears in an error message.
      if (code) assert.ok(!error.message.includes(code.replace('-', '').slice(0, 6)), 'message repeats the code');
      return true;
    },
  );

describe('personal code check digit', () => {
  it('computes (1101 - weighted sum) mod 11 mod 10 with weights 1 6 3 7 9 10 5 8 4 2', () => {
    // 161175-1999?: sum = 1·1+6·6+3·1+7·1+9·7+10·5+5·1+8·9+4·9+2·9 = 291; (1101-291) mod 11 = 7
    expect(personalCodeCheckDigit('1611751999')).toBe(7);
  });

  it('agrees with published samples of both formats', () => {
    expect(personalCodeCheckDigit('1611751999')).toBe(7); // python-stdnum: 161175-19997 is valid
    expect(personalCodeCheckDigit('3286730067')).toBe(9); // python-stdnum: 328673-00679 is valid
  });
});

describe('dated personal codes DDMMYY-CNNNN', () => {
  it('accepts a valid code with or without the hyphen and normalises it', () => {
    expect(parsePersonalCode('161175-19997', TODAY)).toStrictEqual({ value: '161175-19997', format: 'DATED', birthDate: '1975-11-16' });
    expect(parsePersonalCode(' 16117519997 ', TODAY).value).toBe('161175-19997');
  });

  it('reads the century from the seventh digit (0: 1800s, 1: 1900s, 2: 2000s)', () => {
    expect(parsePersonalCode(dated('010203', '0123'), TODAY).birthDate).toBe('1803-02-01');
    expect(parsePersonalCode(dated('010203', '1123'), TODAY).birthDate).toBe('1903-02-01');
    expect(parsePersonalCode(dated('010203', '2123'), TODAY).birthDate).toBe('2003-02-01');
  });

  it('accepts 29 February of a leap year only', () => {
    expect(parsePersonalCode(dated('290200', '2000'), TODAY).birthDate).toBe('2000-02-29');
    expect(parsePersonalCode(dated('290296', '1000'), TODAY).birthDate).toBe('1996-02-29');
    rejects(dated('290201', '2000'), /real birth date/);
    rejects(dated('290200', '1000'), /real birth date/); // 1900 was not a leap year
  });

  it('rejects a wrong check digit', () => {
    rejects('161175-19996', /check digit/);
    rejects('161175-19998', /check digit/);
  });

  it('rejects dates that do not exist', () => {
    rejects(dated('311175', '1999'), /real birth date/); // 31 November
    rejects(dated('001175', '1999'), /real birth date/); // day 0
    rejects(dated('161375', '1999'), /real birth date/); // month 13
  });

  it('rejects an unknown century digit and a birth date in the future', () => {
    rejects(dated('161175', '3999'), /century/);
    rejects(dated('010130', '2000'), /future/);
  });

  it('rejects anything that is not 11 digits', () => {
    for (const bad of ['', '1611751999', '161175-199977', '161175–19997', '16117A-19997', '161175 19997', '1611-7519997']) {
      rejects(bad, /11 digits/);
    }
  });
});

describe('undated personal codes 32NNNN-NNNNN (since July 2017)', () => {
  it('accepts any 32-prefixed code by default (its check digit is not an official rule)', () => {
    expect(parsePersonalCode('328673-00679', TODAY)).toStrictEqual({ value: '328673-00679', format: 'UNDATED', birthDate: null });
    expect(parsePersonalCode('32867300677', TODAY).value).toBe('328673-00677');
  });

  it('checks the digit when the policy asks for it', () => {
    const strict = { checkDigitInUndatedFormat: true };
    expect(parsePersonalCode('328673-00679', TODAY, strict).format).toBe('UNDATED');
    assert.throws(() => parsePersonalCode('328673-00677', TODAY, strict), /check digit/);
  });

  it('is never mistaken for a dated code (there is no 32nd day)', () => {
    expect(parsePersonalCode('320000-00000', TODAY).format).toBe('UNDATED');
    expect(parsePersonalCode(dated('311299', '1000'), TODAY).format).toBe('DATED');
  });

  it('still has to be 11 digits', () => {
    rejects('32867300', /11 digits/);
    rejects('328673-0067X', /11 digits/);
  });
});
