import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Applications for registration (postponed with a deadline, refused or approved) and revocation
 * of decisions: a revoked decision points to the decision that revoked it, and its changes
 * still pending are cancelled rather than deleted, so the history shows what was decided.
 */
export class ApplicationsAndRevocation1732300001010 implements MigrationInterface {
  name = 'ApplicationsAndRevocation1732300001010';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE decision ADD COLUMN deadline date, ADD COLUMN revoked_by uuid REFERENCES decision (id)');
    await q.query('ALTER TABLE institution_change ADD COLUMN cancelled_at timestamptz');
    await q.query('DROP INDEX institution_change_pending');
    await q.query(
      'CREATE INDEX institution_change_pending ON institution_change (effective_date) WHERE applied_at IS NULL AND cancelled_at IS NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP INDEX institution_change_pending');
    await q.query('CREATE INDEX institution_change_pending ON institution_change (effective_date) WHERE applied_at IS NULL');
    await q.query('ALTER TABLE institution_change DROP COLUMN cancelled_at');
    await q.query('ALTER TABLE decision DROP COLUMN revoked_by, DROP COLUMN deadline');
  }
}
