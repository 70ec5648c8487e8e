/**
 * Links to the portal's pages in messages. The base is `PUBLIC_URL`; without it (development, tests) the
 * address the API listens on. Never a request's Host header: whoever sends a request chooses that.
 */
export interface PortalLinks {
  /** The absolute URL of a portal path such as `/me/registrations/…`. */
  url(path: string): string;
}

declare module '../../platform/context.js' {
  interface AppDependencies {
    portalLinks: PortalLinks;
  }
}

export function portalLinks(base: string | (() => string)): PortalLinks {
  return { url: (path) => `${typeof base === 'string' ? base : base()}${path}` };
}

/** The portal's pages that messages link to (the `me` and `training` microfrontends own them). */
export const PORTAL_PAGES = {
  /** A person's own registration, by its global id. */
  registration: (registrationId: string) => `/me/registrations/${encodeURIComponent(registrationId)}`,
  /** The registrations awaiting the reader's approval. */
  approvals: () => '/training/approvals',
};
