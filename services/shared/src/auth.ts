import { z } from 'zod';
import { forbidden } from './errors';

/** Roles from the security model (DESIGN.md). `PUBLIC` is a caller without a token. */
export enum Role {
  PUBLIC = 'PUBLIC',
  OFFICER = 'OFFICER',
  MUNICIPALITY = 'MUNICIPALITY',
  SCHOOL = 'SCHOOL',
  PROVIDER = 'PROVIDER',
  FUND_ADMIN = 'FUND_ADMIN',
}

/** Who is calling, as verified by the gateway and forwarded to every subgraph. */
export const callerSchema = z.object({
  role: z.enum(Role),
  /** Token subject: a person or system id, for audit trails. */
  subject: z.string().min(1).max(200).optional(),
  /** The institution a SCHOOL acts for. */
  institutionId: z.string().uuid().optional(),
  /** The activity provider a PROVIDER acts for. */
  providerId: z.string().uuid().optional(),
  /** The municipality a MUNICIPALITY acts for (founder of its institutions). */
  municipality: z.string().min(1).max(200).optional(),
});

export type Caller = z.infer<typeof callerSchema>;

export const PUBLIC_CALLER: Caller = Object.freeze({ role: Role.PUBLIC });

/** Header the gateway puts the verified caller in (base64url JSON). */
export const CALLER_HEADER = 'x-eq-caller';
/** Header carrying the gateway's shared secret; subgraphs refuse requests without it. */
export const GATEWAY_SECRET_HEADER = 'x-gateway-secret';
/** Request id propagated from the gateway to subgraphs and into every log line. */
export const REQUEST_ID_HEADER = 'x-request-id';

export function encodeCaller(caller: Caller): string {
  return Buffer.from(JSON.stringify(caller), 'utf8').toString('base64url');
}

/**
 * Reads the caller the gateway forwarded. A missing header means PUBLIC; a malformed one is
 * treated as PUBLIC too rather than trusted, since only the gateway (holding the secret) sets it.
 */
export function decodeCaller(header: string | undefined): Caller {
  if (!header) return PUBLIC_CALLER;
  try {
    const parsed = callerSchema.safeParse(JSON.parse(Buffer.from(header, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : PUBLIC_CALLER;
  } catch {
    return PUBLIC_CALLER;
  }
}

/** Throws FORBIDDEN unless the caller has one of the roles. */
export function requireRole(caller: Caller, ...roles: Role[]): void {
  if (!roles.includes(caller.role)) {
    throw forbidden(`This needs one of the roles ${roles.join(', ')}; you are ${caller.role}`);
  }
}

/** True for roles that may see natural persons' personal data (personal codes, addresses). */
export function mayReadPersonalData(caller: Caller): boolean {
  return caller.role === Role.OFFICER;
}
