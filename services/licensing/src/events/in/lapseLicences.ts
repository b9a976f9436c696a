import type { EntityManager } from 'typeorm';
import { nextStatus } from '../../domain/licenceLifecycle';
import { LicenceEntity } from '../../entities/licence';
import { lockInForceLicences, recordLicenceDecision } from '../../store/licenceStore';
import { recordLicenceEvent } from '../out/licenceEvents';

/** The institution was liquidated or struck off: its in-force licences lapse on that day. */
export async function lapseLicences(manager: EntityManager, institutionId: string, lapsedOn: string): Promise<void> {
  for (const licence of await lockInForceLicences(manager, institutionId)) {
    const status = nextStatus(licence.status, 'LAPSED');
    await manager.getRepository(LicenceEntity).update({ id: licence.id }, { status, lapsedOn, endedOn: lapsedOn });
    // endedOn of a lapsed licence is its lapsedOn: the published change names the field that
    // says why it ended, as it always has.
    await recordLicenceDecision(manager, licence.id, {
      kind: 'LAPSED',
      number: null,
      date: lapsedOn,
      changedFields: ['status', 'lapsedOn'],
      reason: 'The institution was liquidated',
    });
    await recordLicenceEvent(manager, 'licensing.licence.lapsed', licence.id, ['status', 'lapsedOn']);
  }
}
