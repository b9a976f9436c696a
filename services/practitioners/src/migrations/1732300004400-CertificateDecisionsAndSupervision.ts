import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16: the register suspends and annuls a certificate (one field of practice) apart from the
 * person's professional activity; registered psychologists practise under a supervision contract;
 * a foreign-qualification recognition carries its recognition certificate.
 *
 * Carried over:
 * - every existing certificate is ACTIVE: the only suspensions on record were person-level and stay so;
 * - "cancelled registration" is not a decision any public rule names (the register suspends, annuls
 *   certificates, suspends and terminates professional activity, excludes and restores), so a
 *   CANCELLED person, and each CANCELLED entry in the history, becomes TERMINATED, the closest real
 *   status: practice ended by a decision, restorable. The decision number and date stay as recorded.
 */
export class CertificateDecisionsAndSupervision1732300004400 implements MigrationInterface {
  name = 'CertificateDecisionsAndSupervision1732300004400';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE certificate ADD COLUMN status text NOT NULL DEFAULT 'ACTIVE'
      CONSTRAINT certificate_status CHECK (status IN ('ACTIVE', 'SUSPENDED', 'ANNULLED'))`);
    await q.query(`
      CREATE TABLE certificate_status_change (
        id              uuid PRIMARY KEY,
        certificate_id  uuid NOT NULL REFERENCES certificate (id),
        psychologist_id uuid NOT NULL REFERENCES psychologist (id),
        status          text NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED', 'ANNULLED')),
        decision_number text NOT NULL,
        decision_date   date NOT NULL,
        recorded_by     text,
        seq             bigserial NOT NULL
      )`);
    await q.query('CREATE INDEX certificate_status_change_psychologist ON certificate_status_change (psychologist_id, seq)');
    await q.query(`
      CREATE TABLE supervision_contract (
        id              uuid PRIMARY KEY,
        psychologist_id uuid NOT NULL REFERENCES psychologist (id),
        supervisor_id   uuid NOT NULL REFERENCES psychologist (id),
        starts_on       date NOT NULL,
        ends_on         date NOT NULL,
        recorded_by     text,
        created_at      timestamptz NOT NULL DEFAULT now(),
        CONSTRAINT supervision_contract_period CHECK (ends_on >= starts_on),
        CONSTRAINT supervision_contract_not_self CHECK (supervisor_id <> psychologist_id)
      )`);
    await q.query('CREATE INDEX supervision_contract_psychologist ON supervision_contract (psychologist_id, starts_on)');
    await q.query('ALTER TABLE foreign_qualification ADD COLUMN certificate_number text, ADD COLUMN certificate_date date');
    await q.query(`UPDATE psychologist SET status = 'TERMINATED' WHERE status = 'CANCELLED'`);
    await q.query(`UPDATE status_change SET status = 'TERMINATED' WHERE status = 'CANCELLED'`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE foreign_qualification DROP COLUMN certificate_date, DROP COLUMN certificate_number');
    await q.query('DROP TABLE supervision_contract');
    await q.query('DROP TABLE certificate_status_change');
    await q.query('ALTER TABLE certificate DROP COLUMN status');
  }
}
