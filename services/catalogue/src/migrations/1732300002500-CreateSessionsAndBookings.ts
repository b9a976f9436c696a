import type { MigrationInterface, QueryRunner } from 'typeorm';

export class CreateSessionsAndBookings1732300002500 implements MigrationInterface {
  name = 'CreateSessionsAndBookings1732300002500';

  async up(q: QueryRunner): Promise<void> {
    // Read model of `registry.learner-counts.v1`: the latest state of each report.
    await q.query(`
      CREATE TABLE learner_count_report (
        id             uuid PRIMARY KEY,
        institution_id uuid NOT NULL,
        school_year    text NOT NULL,
        status         text NOT NULL,
        counts         jsonb NOT NULL,
        total          integer NOT NULL,
        state_at       timestamptz NOT NULL
      )`);
    await q.query('CREATE INDEX learner_count_report_school_year ON learner_count_report (institution_id, school_year)');
    await q.query(`
      CREATE TABLE activity_session (
        id            uuid PRIMARY KEY,
        activity_id   uuid NOT NULL REFERENCES activity (id),
        starts_at     timestamptz NOT NULL,
        ends_at       timestamptz NOT NULL,
        place         text NOT NULL,
        capacity      integer NOT NULL CHECK (capacity > 0),
        booked_pupils integer NOT NULL DEFAULT 0,
        status        text NOT NULL,
        created_at    timestamptz NOT NULL DEFAULT now(),
        updated_at    timestamptz NOT NULL DEFAULT now(),
        -- The last guard against overbooking: whatever a bug in the write path did, the
        -- database refuses a session with more confirmed pupils than seats.
        CONSTRAINT activity_session_not_overbooked CHECK (booked_pupils BETWEEN 0 AND capacity)
      )`);
    await q.query(`CREATE INDEX activity_session_activity_start ON activity_session (activity_id, starts_at) WHERE status = 'SCHEDULED'`);
    await q.query(`CREATE INDEX activity_session_start ON activity_session (starts_at) WHERE status = 'SCHEDULED'`);
    await q.query(`
      CREATE TABLE booking (
        id                    uuid PRIMARY KEY,
        session_id            uuid NOT NULL REFERENCES activity_session (id),
        institution_id        uuid NOT NULL,
        grade                 integer NOT NULL CHECK (grade BETWEEN 0 AND 12),
        pupils                integer NOT NULL CHECK (pupils > 0),
        status                text NOT NULL,
        semester              text NOT NULL,
        price_per_pupil_cents integer NOT NULL CHECK (price_per_pupil_cents > 0),
        committed_cents       integer NOT NULL DEFAULT 0 CHECK (committed_cents >= 0),
        cost_cents            integer NOT NULL DEFAULT 0 CHECK (cost_cents >= 0),
        attended_pupils       integer CHECK (attended_pupils BETWEEN 0 AND pupils),
        status_reason         text,
        -- Order of the waiting list: first come, first served.
        queue_seq             bigserial NOT NULL,
        created_by            text,
        created_at            timestamptz NOT NULL DEFAULT now(),
        updated_at            timestamptz NOT NULL DEFAULT now()
      )`);
    await q.query('CREATE INDEX booking_session_status ON booking (session_id, status, queue_seq)');
    await q.query('CREATE INDEX booking_school_semester ON booking (institution_id, semester, grade)');
    await q.query('CREATE INDEX booking_semester ON booking (semester)');
    // The fund's running totals. Every booking, cancellation and attendance locks this one row
    // (FOR UPDATE) before it decides: that serialises the money decisions, so the budget
    // check and the write it allows can never interleave with another's.
    await q.query(`
      CREATE TABLE fund_ledger (
        id              text PRIMARY KEY,
        committed_cents bigint NOT NULL DEFAULT 0 CHECK (committed_cents >= 0),
        spent_cents     bigint NOT NULL DEFAULT 0 CHECK (spent_cents >= 0)
      )`);
    await q.query(`INSERT INTO fund_ledger (id) VALUES ('attendance')`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE fund_ledger');
    await q.query('DROP TABLE booking');
    await q.query('DROP TABLE activity_session');
    await q.query('DROP TABLE learner_count_report');
  }
}
