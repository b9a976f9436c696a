import type { EntityManager } from 'typeorm';
import { transferConfirmed, transferOutcome, transferStepOf, type LicenceLinks } from '../../domain/licenceTransfer';
import { AccreditationEntity, type AccreditationRecord } from '../../entities/accreditation';
import { loadResults } from '../../store/results';
import { recordAccreditationEvent } from '../out/accreditationEvents';
import { endActiveAccreditations } from './endings';

interface KnownLink {
  id: string;
  status: string;
  institution_id: string;
  continued_by_id: string | null;
  ended_on: string | null;
  issued_on: string | null;
}

/**
 * Completes a transfer this licence event names, once both licences are known: the ACTIVE
 * programme accreditations of the predecessor's licence move to the successor's licence and
 * institution, each with `accreditation.accreditation.transferred` (see domain/licenceTransfer.ts
 * for when one ends instead). Replays find nothing left on the predecessor's licence.
 */
export async function followLicenceTransfer(manager: EntityManager, licence: LicenceLinks): Promise<void> {
  const step = transferStepOf(licence);
  if (!step) return;
  const rows: KnownLink[] = await manager.query(
    `SELECT id, status, institution_id, state->>'continuedById' AS continued_by_id,
            state->>'endedOn' AS ended_on, state->>'issuedOn' AS issued_on FROM known_licence WHERE id = ANY($1)`,
    [[step.fromLicenceId, step.toLicenceId]],
  );
  const from = rows.find((row) => row.id === step.fromLicenceId);
  const to = rows.find((row) => row.id === step.toLicenceId);
  if (!to || !transferConfirmed(from ? { id: from.id, status: from.status, continuedById: from.continued_by_id } : null, to.id)) return;

  const accreditations = manager.getRepository(AccreditationEntity);
  const moving = await accreditations.find({
    where: { licenceId: step.fromLicenceId, status: 'ACTIVE' },
    lock: { mode: 'pessimistic_write' },
  });
  if (moving.length === 0) return;
  const targetAccredited = (await accreditations.countBy({ licenceId: to.id, status: 'ACTIVE' })) > 0;
  if (transferOutcome(targetAccredited) === 'END') {
    // The day of the transfer: the predecessor's licence ended on it, the successor's took over on it.
    const endedOn = from!.ended_on ?? to.issued_on!;
    await endActiveAccreditations(manager, { licenceId: step.fromLicenceId }, endedOn, 'LICENCE_TRANSFERRED');
    return;
  }
  const results = await loadResults(
    manager,
    moving.map((accreditation) => accreditation.id),
  );
  for (const accreditation of moving) {
    const change = { institutionId: to.institution_id, licenceId: to.id };
    await accreditations.update({ id: accreditation.id }, change);
    const moved: AccreditationRecord = { ...accreditation, ...change };
    await recordAccreditationEvent(
      manager,
      'accreditation.accreditation.transferred',
      moved,
      results.get(accreditation.id)!,
      Object.keys(change),
    );
  }
}
