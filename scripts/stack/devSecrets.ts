/**
 * Development-only secrets, used when JWT_SECRET / GATEWAY_SECRET are not set. `npm start`
 * warns when it uses them; a production deployment must set both.
 */
export const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-please-32chars';
export const DEV_GATEWAY_SECRET = 'dev-only-gateway-secret';
