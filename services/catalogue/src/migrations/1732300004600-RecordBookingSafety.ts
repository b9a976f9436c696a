import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A booking's event-safety record (domain/eventSafety.ts): the head's approval and the day the
 * parents were told. A table of its own, one row per booking once the school records a step,
 * so the booking row that the hot booking path writes stays as it was; existing bookings simply
 * have no record yet.
 */
export class RecordBookingSafety1732300004600 implements MigrationInterface {
  name = 'RecordBookingSafety1732300004600';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE booking_safety (
        booking_id                    uuid PRIMARY KEY REFERENCES booking (id) ON DELETE CASCADE,
        head_approved_by              text CHECK (length(head_approved_by) BETWEEN 1 AND 200),
        head_approved_on              date,
        head_approval_recorded_at     timestamptz,
        parents_informed_on           date,
        parents_informed_recorded_at  timestamptz,
        recorded_by                   text,
        CHECK ((head_approved_by IS NULL) = (head_approved_on IS NULL) AND (head_approved_on IS NULL) = (head_approval_recorded_at IS NULL)),
        CHECK ((parents_informed_on IS NULL) = (parents_informed_recorded_at IS NULL))
      )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE booking_safety');
  }
}
