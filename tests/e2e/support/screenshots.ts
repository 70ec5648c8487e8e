import { fileURLToPath } from 'node:url';
import type { GraphQLClient } from '@evikomp/api/testing';

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
  /** For a page of one record: finds it (as the signed-in person) and gives its path and heading instead. */
  lookup?: (graphql: GraphQLClient) => Promise<{ path: string; heading: string }>;
}

const ADMINISTRATOR = { email: 'anna.lindqvist@linkoping.se', password: 'evikomp-demo' };
const MOTALA_MANAGER = { email: 'amira.henriksson@motala.se', password: 'evikomp-demo' };

/** A demo person with roles: the Motala manager. */
async function personPage(graphql: GraphQLClient) {
  const found = await graphql(`
    {
      people(first: 1, filter: { search: "amira.henriksson" }) {
        edges {
          node {
            id
            name
          }
        }
      }
    }
  `);
  const person = found.data!.people.edges[0].node as { id: string; name: string };
  return { path: `/directory/people/${person.id}`, heading: person.name };
}

/** The demo cohort with the most registrations. */
async function cohortPage(graphql: GraphQLClient) {
  const found = await graphql(`
    {
      cohorts(first: 100) {
        edges {
          node {
            id
            name
            confirmedCount
          }
        }
      }
    }
  `);
  const cohorts = found.data!.cohorts.edges.map((edge: { node: { id: string; name: string; confirmedCount: number } }) => edge.node);
  const cohort = cohorts.sort((a: { confirmedCount: number }, b: { confirmedCount: number }) => b.confirmedCount - a.confirmedCount)[0];
  return { path: `/training/cohorts/${cohort.id}`, heading: cohort.name as string };
}

/** The main pages of the portal, in the order the README shows them. */
export const SCREENSHOTS: readonly Screenshot[] = [
  { file: 'sign-in.png', path: '/sign-in', as: null, heading: 'Logga in' },
  { file: 'organisations.png', path: '/directory/organisations', as: ADMINISTRATOR, heading: 'Medlemsorganisationer' },
  { file: 'workplaces.png', path: '/directory/workplaces', as: ADMINISTRATOR, heading: 'Arbetsplatser' },
  { file: 'person.png', path: '/directory/people', as: ADMINISTRATOR, heading: 'Personer', lookup: personPage },
  { file: 'cohort.png', path: '/training/programmes', as: ADMINISTRATOR, heading: 'Program', lookup: cohortPage },
  { file: 'networks.png', path: '/networks', as: ADMINISTRATOR, heading: 'Nätverk' },
  { file: 'audit-trail.png', path: '/admin/audit', as: ADMINISTRATOR, heading: 'Granskningslogg' },
  { file: 'cost-shares.png', path: '/operations/cost-shares', as: ADMINISTRATOR, heading: 'Kostnadsfördelning' },
  { file: 'me.png', path: '/me', as: MOTALA_MANAGER, heading: 'Mina sidor' },
];
