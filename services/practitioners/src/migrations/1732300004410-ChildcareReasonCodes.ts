import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: refusal and exclusion reasons of the child-minders' register become codes
 * (domain/childcareReasons.ts) with optional free text. Every reason recorded before is free text
 * no code can be read from reliably, so it is carried over as OTHER with its text kept.
 */
export class ChildcareReasonCodes1732300004410 implements MigrationInterface {
  name = 'ChildcareReasonCodes1732300004410';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE childcare_provider
      ADD COLUMN refusal_reason_code text
        CONSTRAINT childcare_provider_refusal_reason_code CHECK (refusal_reason_code IN ('INCOMPLETE_DOCUMENTS', 'REQUIREMENTS_NOT_MET', 'OTHER')),
      ADD COLUMN exclusion_reason_code text
        CONSTRAINT childcare_provider_exclusion_reason_code
        CHECK (exclusion_reason_code IN ('FOUNDER_LIQUIDATED', 'SERVICE_DISCONTINUED', 'REQUIREMENTS_NOT_MET', 'OTHER'))`);
    await q.query(`UPDATE childcare_provider SET refusal_reason_code = 'OTHER' WHERE refusal_reason IS NOT NULL`);
    await q.query(`UPDATE childcare_provider SET exclusion_reason_code = 'OTHER' WHERE exclusion_reason IS NOT NULL`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE childcare_provider DROP COLUMN exclusion_reason_code, DROP COLUMN refusal_reason_code');
  }
}
