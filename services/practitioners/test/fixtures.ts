import { randomInt, randomUUID } from 'node:crypto';
import { Role, type Caller } from '@eq/shared';
import { personalCodeCheckDigit } from '@eq/shared/personalCode';

export const OFFICER: Caller = { role: Role.OFFICER, subject: 'officer-7' };
export const PROVIDER: Caller = { role: Role.PROVIDER, providerId: randomUUID() };

/** A fresh registration number (random, so reruns against a shared database never collide). */
export const registrationNumber = () => String(randomInt(1_000_000, 99_999_999));

/** A fictitious dated personal code (born in the 1980s) with a correct check digit, written without the hyphen. */
export function personalCode(): string {
  const birth = `${String(randomInt(1, 29)).padStart(2, '0')}${String(randomInt(1, 13)).padStart(2, '0')}8${randomInt(0, 10)}`;
  const first10 = `${birth}1${String(randomInt(0, 1000)).padStart(3, '0')}`;
  return `${first10}${personalCodeCheckDigit(first10)}`;
}

export const hyphenated = (code: string) => `${code.slice(0, 6)}-${code.slice(6)}`;

/** The birth date a dated personal code encodes, as YYYY-MM-DD (1900s). */
export const birthDateOf = (code: string) => `19${code.slice(4, 6)}-${code.slice(2, 4)}-${code.slice(0, 2)}`;

/** A unique ASCII surname, so that searches see only this test's rows. */
export const surname = () =>
  `Testa${randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 8)}`;

export const REGISTER = /* GraphQL */ `
  mutation PractitionersRegister($input: RegisterPsychologistInput!) {
    registerPsychologist(input: $input) {
      psychologist {
        id
        registrationNumber
        name
        status
        personalCode
      }
    }
  }
`;

export const CERTIFY = /* GraphQL */ `
  mutation Certify($input: CertifyPsychologistInput!) {
    certifyPsychologist(input: $input) {
      psychologist {
        id
        status
      }
      certificate {
        number
        fieldOfPractice
        fieldOfPracticeLabelLv
        validFrom
        validUntil
        decision {
          number
          date
        }
      }
    }
  }
`;

export function registerInput(overrides: Record<string, unknown> = {}) {
  return {
    registrationNumber: registrationNumber(),
    name: `Anna Bērziņa-${surname()}`,
    personalCode: personalCode(),
    education: 'Latvijas Universitāte, profesionālais maģistra grāds psiholoģijā',
    decision: { number: 'IKVD-PS-2023/41', date: '2023-05-10' },
    ...overrides,
  };
}

/** A child-minder who is a natural person, without a registration number (refusals take an application number instead). */
export function childMinderInput(overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    kind: 'NATURAL_PERSON',
    name: `Līga Auklīte-${surname()}`,
    personalCode: personalCode(),
    homeAddress: 'Liepu iela 3-7, Cēsis',
    serviceAddress: 'Rīgas iela 12, Cēsis',
    municipality: 'Cēsu novads',
    decision: { number: 'BU-2024/1', date: '2024-03-01' },
    ...overrides,
  };
}

/** A private-practice teacher's certificate (interest education), valid until February 2026. */
export function privatePracticeInput(overrides: Record<string, unknown> = {}): Record<string, any> {
  return {
    number: `PP-${surname()}`,
    teacherName: 'Jānis Skolotājs',
    personalCode: personalCode(),
    programmeKind: 'INTEREST_EDUCATION',
    programmeName: 'Robotikas pulciņš',
    municipality: 'Valmieras novads',
    validUntil: '2026-02-28',
    decision: { number: 'PP-2024/3', date: '2024-03-01' },
    ...overrides,
  };
}
