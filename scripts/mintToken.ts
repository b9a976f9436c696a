/**
 * Mints a development bearer token: `npm run token -- --role OFFICER [--institution <uuid>]
 * [--provider <uuid>] [--municipality <name>] [--subject <id>] [--expires 12h]`. The gateway
 * refuses tokens living longer than GATEWAY_TOKEN_MAX_LIFETIME (24 h by default).
 * Signs with JWT_SECRET, or the development secret `npm start` uses by default.
 */
import { parseArgs } from 'node:util';
import { callerSchema, signCallerToken } from '@eq/shared';
import { DEV_JWT_SECRET } from './stack/devSecrets';

const { values } = parseArgs({
  options: {
    role: { type: 'string', default: 'OFFICER' },
    institution: { type: 'string' },
    provider: { type: 'string' },
    municipality: { type: 'string' },
    subject: { type: 'string' },
    expires: { type: 'string', default: '12h' },
  },
});

const caller = callerSchema.safeParse({
  role: values.role,
  institutionId: values.institution,
  providerId: values.provider,
  municipality: values.municipality,
  subject: values.subject,
});
if (!caller.success || caller.data.role === 'PUBLIC') {
  console.error(
    'Usage: npm run token -- --role OFFICER|MUNICIPALITY|SCHOOL|PROVIDER|FUND_ADMIN [--institution <uuid>] [--provider <uuid>] [--municipality <name>]',
  );
  if (!caller.success) console.error(caller.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n'));
  process.exit(2);
}
console.log(await signCallerToken(caller.data, process.env.JWT_SECRET ?? DEV_JWT_SECRET, values.expires));
