import { fileURLToPath } from 'node:url';

/** Where the README's screenshots live; `npm run screenshots` writes them there. */
export const README_SCREENSHOTS_DIR = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

export interface Screenshot {
  /** File name under docs/screenshots/, as the README names it. */
  file: string;
  /** The portal path to open. */
  path: string;
  /** Who is signed in: null for a signed-out page. */
  as: { email: string; password: string } | null;
  /** Text of the heading that says the page is ready. */
  heading: string;
}

const ADMINISTRATOR = { email: 'anna.lindqvist@linkoping.se', password: 'evikomp-demo' };

/** The main pages of the portal, in the order the README shows them. */
export const SCREENSHOTS: readonly Screenshot[] = [
  { file: 'sign-in.png', path: '/sign-in', as: null, heading: 'Logga in' },
  { file: 'organisations.png', path: '/directory/organisations', as: ADMINISTRATOR, heading: 'Medlemsorganisationer' },
];
