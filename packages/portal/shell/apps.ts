import type { Role } from './gql/graphql.js';

/** The microfrontends the shell knows: where each lives in the portal and who may open it. Their URLs come from the manifest. */
export interface PortalApp {
  /** Federation name and manifest key. */
  name: 'directory' | 'training' | 'networks' | 'operations' | 'admin' | 'me';
  /** First segment of its routes. */
  path: string;
  /** Roles that may open it; null: everyone signed in. */
  roles: Role[] | null;
}

export const PORTAL_APPS: PortalApp[] = [
  // Managers and workplace coordinators read their workplace and the people with roles there (the API filters).
  {
    name: 'directory',
    path: '/directory',
    roles: ['ADMINISTRATOR', 'ORGANISATION_ADMIN', 'COMPETENCE_COORDINATOR', 'MANAGER', 'WORKPLACE_COORDINATOR'],
  },
  {
    name: 'training',
    path: '/training',
    roles: ['ADMINISTRATOR', 'ORGANISATION_ADMIN', 'COMPETENCE_COORDINATOR', 'MANAGER', 'WORKPLACE_COORDINATOR'],
  },
  { name: 'networks', path: '/networks', roles: ['ADMINISTRATOR', 'COMPETENCE_COORDINATOR', 'MANAGER'] },
  // Agreements and cost shares: what members pay (the organisation admins read their year's table).
  // Costs for administrators and organisation admins; action plans for the workplaces' people and their coordinators.
  {
    name: 'operations',
    path: '/operations',
    roles: ['ADMINISTRATOR', 'ORGANISATION_ADMIN', 'MANAGER', 'WORKPLACE_COORDINATOR', 'COMPETENCE_COORDINATOR'],
  },
  { name: 'admin', path: '/admin', roles: ['ADMINISTRATOR'] },
  { name: 'me', path: '/me', roles: null },
];

export function allowedApps(roles: readonly Role[]): PortalApp[] {
  return PORTAL_APPS.filter((app) => app.roles === null || app.roles.some((role) => roles.includes(role)));
}

export function appForPath(path: string): PortalApp | undefined {
  return PORTAL_APPS.find((app) => path === app.path || path.startsWith(`${app.path}/`));
}
