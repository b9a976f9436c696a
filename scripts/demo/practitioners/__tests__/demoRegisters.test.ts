import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { parsePersonalCode } from '@eq/shared/personalCode';
import { generateDemoRegisters } from '../demoRegisters';
import { DEMO_SIZES } from '../demoSizes';
import { assertRegistrationNumber } from '../../../../services/practitioners/src/domain/registrationNumber';

const TODAY = '2024-11-22';
const registers = generateDemoRegisters(TODAY);

describe('demo registers', () => {
  it('are sized from the 2024 figures: 1,406 psychologists, 398 supervisors, a few hundred child-minders', () => {
    expect(registers.psychologists.length).toBe(DEMO_SIZES.psychologists);
    expect(registers.psychologists.filter((p) => p.supervisorDecision).length).toBe(DEMO_SIZES.supervisors);
    expect(registers.psychologists.filter((p) => p.foreignQualification).length).toBe(DEMO_SIZES.foreignQualificationsRecognised);
    expect(registers.childMinders.filter((c) => !c.refusalReasonCode).length).toBe(268 + 19);
    expect(registers.childMinders.filter((c) => c.refusalReasonCode).length).toBe(DEMO_SIZES.childMindersRefused);
    expect(registers.childMinders.filter((c) => c.exclusion).length).toBe(DEMO_SIZES.childMindersExcluded);
    expect(registers.privatePractice.length).toBe(299);
    expect(registers.privatePractice.filter((c) => c.revocation).length).toBe(3);
  });

  it('are clearly fictitious, use only undated personal codes that validate, and never repeat a number', () => {
    const names = [
      ...registers.psychologists.map((p) => p.name),
      ...registers.childMinders.map((c) => c.name),
      ...registers.privatePractice.map((c) => c.teacherName),
    ];
    assert.ok(names.every((name) => name.endsWith('(demo)')));
    const codes = [
      ...registers.psychologists.map((p) => p.personalCode),
      ...registers.childMinders.flatMap((c) => c.personalCode ?? []),
      ...registers.privatePractice.map((c) => c.personalCode),
    ];
    for (const code of codes) expect(parsePersonalCode(code, TODAY).format).toBe('UNDATED');
    expect(new Set(codes).size).toBe(codes.length);
    const numbers = registers.psychologists.map((p) => assertRegistrationNumber(p.registrationNumber));
    expect(new Set(numbers).size).toBe(numbers.length);
  });

  it('date every decision on or before today, certificates after registration and supervisor rights within the certificate', () => {
    for (const p of registers.psychologists) {
      assert.ok(p.decision.date <= TODAY);
      if (p.certificate) assert.ok(p.decision.date <= p.certificate.decision.date && p.certificate.decision.date <= TODAY);
      if (p.supervisorDecision)
        assert.ok(p.certificate && p.certificate.decision.date < p.supervisorDecision.date && p.supervisorDecision.date <= TODAY);
    }
    for (const c of registers.childMinders)
      if (c.exclusion) assert.ok(c.decision.date <= c.exclusion.decision.date && c.exclusion.decision.date <= TODAY);
  });

  it('come out the same on every run', () => {
    expect(generateDemoRegisters(TODAY)).toStrictEqual(registers);
  });
});
