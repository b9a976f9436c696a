import assert from 'node:assert/strict';
import { describe, expect, it } from '@jest/globals';
import { DomainError, ErrorCode } from '@eq/shared/errors';
import {
  assertMayApprove,
  assertMayPrepare,
  assertMayReadMunicipality,
  assertMayReopen,
  assertMaySendFor,
  mayApprove,
  type ReportingInstitution,
} from '../learnerCountAccess';

const forbidden = (error: unknown) => error instanceof DomainError && error.code === ErrorCode.FORBIDDEN;

const SCHOOL_ID = '6f1c2f5e-8a7b-4c1d-9e2f-0a1b2c3d4e5f';
const municipal: ReportingInstitution = {
  id: SCHOOL_ID,
  name: 'Rīgas 1. vidusskola',
  founderKind: 'MUNICIPALITY',
  founderMunicipality: 'Rīga',
};
const stateFounded: ReportingInstitution = {
  ...municipal,
  name: 'Rīgas Valsts tehnikums',
  founderKind: 'STATE',
  founderMunicipality: null,
};
const privateSchool: ReportingInstitution = {
  ...municipal,
  name: 'Privātā sākumskola',
  founderKind: 'LEGAL_PERSON',
  founderMunicipality: null,
};

const school = { role: 'SCHOOL', institutionId: SCHOOL_ID };
const otherSchool = { role: 'SCHOOL', institutionId: '00000000-0000-4000-8000-000000000001' };
const riga = { role: 'MUNICIPALITY', municipality: 'Rīga' };
const liepaja = { role: 'MUNICIPALITY', municipality: 'Liepāja' };
const officer = { role: 'OFFICER' };

describe('assertMayPrepare', () => {
  it("lets the institution's own SCHOOL user prepare and confirm (ids compared without case)", () => {
    assert.doesNotThrow(() => assertMayPrepare(school, SCHOOL_ID));
    assert.doesNotThrow(() => assertMayPrepare({ role: 'SCHOOL', institutionId: SCHOOL_ID.toUpperCase() }, SCHOOL_ID));
  });

  it('refuses another school, a school token without an institution, and every other role', () => {
    for (const actor of [otherSchool, { role: 'SCHOOL' }, riga, officer, { role: 'PUBLIC' }]) {
      assert.throws(() => assertMayPrepare(actor, SCHOOL_ID), forbidden, JSON.stringify(actor));
    }
    assert.throws(() => assertMayPrepare(otherSchool, SCHOOL_ID), /only its own/);
  });
});

describe('approval by the founder', () => {
  it('lets the founding municipality approve a municipal institution', () => {
    expect(mayApprove(riga, municipal)).toBe(true);
    expect(mayApprove({ role: 'MUNICIPALITY', municipality: ' rīga ' }, municipal)).toBe(true);
  });

  it('refuses another municipality, the ministry and the school itself for a municipal institution', () => {
    for (const actor of [liepaja, { role: 'MUNICIPALITY' }, officer, school]) {
      assert.throws(() => assertMayApprove(actor, municipal), forbidden, JSON.stringify(actor));
    }
    assert.throws(() => assertMayApprove(liepaja, municipal), /Only the founder, the municipality of Rīga/);
  });

  it('lets the ministry (OFFICER) approve for state-founded and private institutions, and no municipality', () => {
    for (const institution of [stateFounded, privateSchool]) {
      expect(mayApprove(officer, institution)).toBe(true);
      assert.throws(() => assertMayApprove(riga, institution), /approved by the ministry/);
    }
  });
});

describe('assertMayReopen', () => {
  it("lets the school cancel its own confirmation, but not the founder's approval", () => {
    assert.doesNotThrow(() => assertMayReopen(school, municipal, 'CONFIRMED'));
    assert.throws(() => assertMayReopen(school, municipal, 'APPROVED'), /only its approver/);
  });

  it('lets the approver send back a confirmed report or cancel its approval', () => {
    assert.doesNotThrow(() => assertMayReopen(riga, municipal, 'CONFIRMED'));
    assert.doesNotThrow(() => assertMayReopen(riga, municipal, 'APPROVED'));
    assert.doesNotThrow(() => assertMayReopen(officer, stateFounded, 'APPROVED'));
  });

  it('refuses anyone else', () => {
    for (const actor of [otherSchool, liepaja, officer])
      assert.throws(() => assertMayReopen(actor, municipal, 'CONFIRMED'), forbidden, JSON.stringify(actor));
  });
});

describe("a municipality's learner counts as a whole", () => {
  it('are read by that municipality (as people spell it), the ministry and the fund', () => {
    for (const actor of [riga, { role: 'MUNICIPALITY', municipality: ' RĪGA ' }, officer, { role: 'FUND_ADMIN' }]) {
      assert.doesNotThrow(() => assertMayReadMunicipality(actor, 'Rīga'), JSON.stringify(actor));
    }
    for (const actor of [liepaja, school, { role: 'PROVIDER' }]) {
      assert.throws(() => assertMayReadMunicipality(actor, 'Rīga'), forbidden, JSON.stringify(actor));
    }
  });

  it('are sent to the ministry by that municipality only', () => {
    assert.doesNotThrow(() => assertMaySendFor(riga, 'Rīga'));
    for (const actor of [liepaja, officer, school]) assert.throws(() => assertMaySendFor(actor, 'Rīga'), forbidden, JSON.stringify(actor));
  });
});
