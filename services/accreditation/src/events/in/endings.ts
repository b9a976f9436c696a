import { In, type EntityManager, type FindOptionsWhere } from 'typeorm';
import { AccreditationEntity, type AccreditationRecord } from '../../entities/accreditation';
import { AccreditationApplicationEntity, type AccreditationApplicationRecord } from '../../entities/accreditationApplication';
import type { AccreditationEndReason, ApplicationCloseReason } from '../../generated/resolvers';
import { recordAccreditationEvent } from '../out/accreditationEvents';
import { recordApplicationEvent } from '../out/applicationEvents';
import { loadResults } from '../../store/results';

/**
 * Ends the ACTIVE accreditations `where` selects, each with its own
 * `accreditation.accreditation.ended` event, in the caller's transaction. Only ACTIVE ones are
 * touched, so a replayed event finds none and changes nothing.
 */
export async function endActiveAccreditations(
  manager: EntityManager,
  where: FindOptionsWhere<AccreditationRecord>,
  endedOn: string,
  endReason: AccreditationEndReason,
): Promise<void> {
  const accreditations = manager.getRepository(AccreditationEntity);
  const active = await accreditations.find({ where: { ...where, status: 'ACTIVE' }, lock: { mode: 'pessimistic_write' } });
  if (active.length === 0) return;
  const results = await loadResults(
    manager,
    active.map((accreditation) => accreditation.id),
  );
  for (const accreditation of active) {
    const change = { status: 'ENDED', endedOn, endReason } as const;
    await accreditations.update({ id: accreditation.id }, change);
    const ended: AccreditationRecord = { ...accreditation, ...change };
    await recordAccreditationEvent(
      manager,
      'accreditation.accreditation.ended',
      ended,
      results.get(accreditation.id)!,
      Object.keys(change),
    );
  }
}

/** Closes the open (submitted or evaluated) applications `where` selects, each with its event; replays find none. */
export async function closeOpenApplications(
  manager: EntityManager,
  where: FindOptionsWhere<AccreditationApplicationRecord>,
  closedOn: string,
  closeReason: ApplicationCloseReason,
): Promise<void> {
  const applications = manager.getRepository(AccreditationApplicationEntity);
  const open = await applications.find({
    where: { ...where, status: In(['SUBMITTED', 'EVALUATED']) },
    lock: { mode: 'pessimistic_write' },
  });
  for (const application of open) {
    const change = { status: 'CLOSED', closedOn, closeReason } as const;
    await applications.update({ id: application.id }, change);
    await recordApplicationEvent(manager, 'accreditation.application.closed', { ...application, ...change }, Object.keys(change));
  }
}
