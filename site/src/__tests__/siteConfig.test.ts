import { describe, expect, it } from '@jest/globals';
import { loadSiteConfig } from '../config';

const SECRET = 'a-jwt-secret-that-is-at-least-32-characters';

describe("the site's demo sign-in is for development only", () => {
  it('is on when the JWT secret is given outside production, and off without it', () => {
    expect(loadSiteConfig({ JWT_SECRET: SECRET }).demoSignIn).toEqual({ jwtSecret: SECRET });
    expect(loadSiteConfig({}).demoSignIn).toBeNull();
    expect(loadSiteConfig({ JWT_SECRET: SECRET, SITE_DEMO_SIGN_IN: 'false' }).demoSignIn).toBeNull();
  });

  it('stays off in production unless asked for explicitly, and then its cookies are Secure', () => {
    expect(loadSiteConfig({ JWT_SECRET: SECRET, NODE_ENV: 'production' }).demoSignIn).toBeNull();
    const asked = loadSiteConfig({ JWT_SECRET: SECRET, NODE_ENV: 'production', SITE_DEMO_SIGN_IN: 'true' });
    expect([asked.demoSignIn, asked.secureCookies]).toEqual([{ jwtSecret: SECRET }, true]);
  });

  it('refuses to start asked for sign-in without a secret, or with a short one', () => {
    expect(() => loadSiteConfig({ SITE_DEMO_SIGN_IN: 'true' })).toThrow(/JWT_SECRET: required when SITE_DEMO_SIGN_IN=true/);
    expect(() => loadSiteConfig({ JWT_SECRET: 'short' })).toThrow(/JWT_SECRET must be at least 32 characters/);
  });
});
