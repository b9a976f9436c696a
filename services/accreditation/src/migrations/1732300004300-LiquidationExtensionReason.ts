import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: a term may also be extended while the institution is being liquidated (the quality
 * service's public pages name liquidation beside reorganisation and building works). Existing
 * extensions keep their reasons; only the allowed set grows.
 */
export class LiquidationExtensionReason1732300004300 implements MigrationInterface {
  name = 'LiquidationExtensionReason1732300004300';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE accreditation_extension DROP CONSTRAINT accreditation_extension_reason_check');
    await q.query(`ALTER TABLE accreditation_extension ADD CONSTRAINT accreditation_extension_reason_check
      CHECK (reason IN ('REORGANISATION', 'BUILDING_WORKS', 'LIQUIDATION'))`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE accreditation_extension DROP CONSTRAINT accreditation_extension_reason_check');
    await q.query(`ALTER TABLE accreditation_extension ADD CONSTRAINT accreditation_extension_reason_check
      CHECK (reason IN ('REORGANISATION', 'BUILDING_WORKS'))`);
  }
}
