import { describe, expect, it } from 'vitest';
import { navItems } from '../components/Layout';
import type { ViewerUser } from './useViewer';
import { landingPath } from './landing';

const t = (key: string) => key;
const user = (role: string, department: string | null = null) =>
  ({
    id: 'u',
    displayName: 'x',
    email: null,
    role,
    locale: 'ZH_CN',
    department,
    foreignInvestor: false,
  }) as unknown as ViewerUser;

describe('where each role lands and what its menu holds', () => {
  it.each([
    ['OFFICIAL', 'MARKET_REGULATION', '/desk'],
    ['OFFICIAL', 'COMMERCE', '/investor-services/desk'],
    ['OFFICIAL', 'FINANCE', '/financing/dashboard'],
    ['OFFICIAL', 'TAX', '/desk/clearances'],
    ['OFFICIAL', 'SOCIAL_INSURANCE', '/desk/clearances'],
    ['OFFICIAL', 'MEDICAL_INSURANCE', '/desk/clearances'],
    ['OFFICIAL', 'HOUSING_FUND', '/desk/clearances'],
    ['BANK_OFFICER', null, '/financing/workbench'],
    ['HOST_AGENT', null, '/hosting/desk'],
    ['ADMIN', null, '/admin'],
    ['APPLICANT', null, '/'],
    ['PARTNER', null, '/'],
  ])('%s %s lands on %s', (role, department, path) => {
    expect(landingPath(user(role, department))).toBe(path);
  });

  it('goes back where sign-in was asked for, but never off the site', () => {
    expect(landingPath(user('OFFICIAL', 'TAX'), '/applications/x')).toBe('/applications/x');
    expect(landingPath(user('OFFICIAL', 'TAX'), '//evil.example')).toBe('/desk/clearances');
    expect(landingPath(user('APPLICANT'), 'https://evil.example')).toBe('/');
  });

  it('shows the review desk only to market regulation, and each other department its own desk', () => {
    const links = (role: string, department: string | null = null) =>
      navItems(t, user(role, department)).map((i) => i.to);
    expect(links('OFFICIAL', 'MARKET_REGULATION')).toContain('/desk');
    expect(links('OFFICIAL', 'TAX')).not.toContain('/desk');
    expect(links('OFFICIAL', 'TAX')).toContain('/desk/clearances');
    expect(links('APPLICANT')).toEqual(
      expect.arrayContaining(['/', '/names/check', '/names/mine', '/applications', '/inbox', '/verify']),
    );
    expect(links('APPLICANT')).not.toContain('/desk');
    expect(navItems(t, null).map((i) => i.to)).toEqual([
      '/',
      '/names/check',
      '/financing',
      '/investor-services',
      '/hosting',
      '/verify',
    ]);
  });
});
