import { forbidden, Role, type Caller } from '@eq/shared';

/** An application is read by OFFICERs and by the SCHOOL of the institution that applied. */
export function mayReadApplication(caller: Caller, application: { institutionId: string }): boolean {
  return caller.role === Role.OFFICER || (caller.role === Role.SCHOOL && caller.institutionId === application.institutionId);
}

/** OFFICERs apply for any institution, a SCHOOL only for its own. */
export function requireMayApply(caller: Caller, institutionId: string): void {
  if (caller.role === Role.OFFICER) return;
  if (caller.role === Role.SCHOOL && caller.institutionId === institutionId) return;
  throw forbidden(
    caller.role === Role.SCHOOL
      ? 'A school applies only for its own institution'
      : 'Applying for accreditation needs the role OFFICER or SCHOOL',
  );
}
