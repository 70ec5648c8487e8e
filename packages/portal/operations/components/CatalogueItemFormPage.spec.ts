import { describe, expect, it } from 'vitest';
import type { MockedResponse } from '@apollo/client/testing/core';
import { mountInPortal } from '@evikomp/portal-shared/testing';
import {
  LearningModuleCreateDocument,
  LearningTrackCreateDocument,
  LearningTrackDocument,
  LearningTrackFormOptionsDocument,
} from '../gql/graphql.js';
import { payload } from '../testing/mocks.js';
import CatalogueItemFormPage from './CatalogueItemFormPage.vue';

const routes = [
  { path: '/operations/catalogue/new', name: 'operations-learning-track-create', component: CatalogueItemFormPage },
  { path: '/operations/catalogue/:id/modules/new', name: 'operations-learning-module-create', component: CatalogueItemFormPage },
  { path: '/operations/catalogue/:id', name: 'operations-learning-track', component: { render: () => null } },
  { path: '/operations/catalogue', name: 'operations-catalogue', component: { render: () => null } },
];

function options(roles: { role: string; organisation: { id: string; name: string } | null }[]): MockedResponse {
  return {
    request: { query: LearningTrackFormOptionsDocument },
    result: {
      data: {
        me: {
          __typename: 'Person',
          id: 'UGVyc29uOjE',
          roles: roles.map((role, index) => ({
            __typename: 'RoleAssignment',
            id: `role-${index}`,
            role: role.role,
            organisation: role.organisation ? { __typename: 'Organisation', ...role.organisation } : null,
          })),
        },
      },
    },
  };
}

/** The saved record as the mutations select it. */
function saved(typename: 'LearningTrack' | 'LearningModule', id: string, input: Record<string, unknown>) {
  return {
    __typename: typename,
    id,
    externalKey: input.externalKey,
    title: input.title,
    description: input.description,
    targetGroup: input.targetGroup,
    estimatedMinutes: input.estimatedMinutes,
    languages: input.languages,
    status: input.status,
    owner: input.owner,
    ...(typename === 'LearningTrack' ? { sharedWithMembers: input.sharedWithMembers ?? false } : {}),
  };
}

const content = {
  title: 'Demensvård i hemtjänst',
  description: '',
  targetGroup: '',
  estimatedMinutes: 90,
  languages: ['sv', 'en'],
  owner: '',
  status: 'DRAFT',
};

describe('the learning track form', () => {
  it('checks key, title, minutes and languages as the API does before sending anything', async () => {
    const { wrapper, unexpected } = await mountInPortal(CatalogueItemFormPage, {
      routes,
      at: '/operations/catalogue/new',
      mocks: [options([{ role: 'ADMINISTRATOR', organisation: null }])],
    });
    await wrapper.find('#catalogue-track-key').setValue('bad key!');
    await wrapper.find('#catalogue-track-title').setValue('   ');
    await wrapper.find('#catalogue-track-minutes').setValue('1,5');
    await wrapper.find('#catalogue-track-languages').setValue('sv, Engelska');
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => wrapper.find('#catalogue-track-key-error').exists()).toBe(true);
    expect(wrapper.find('#catalogue-track-key-error').text()).toBe(
      'Använd bokstäver, siffror, punkt, bindestreck och understreck, högst 64 tecken.',
    );
    expect(wrapper.find('#catalogue-track-title-error').text()).toBe('Fyll i fältet.');
    expect(wrapper.find('#catalogue-track-minutes-error').text()).toBe('Skriv ett heltal från 1 till 100000.');
    expect(wrapper.find('#catalogue-track-languages-error').text()).toBe('Skriv språkkoder med små bokstäver, till exempel sv, en.');
    expect(wrapper.find('#catalogue-track-key').attributes('aria-invalid')).toBe('true');
    expect(unexpected).toEqual([]);
    wrapper.unmount();
  });

  it("puts the API's refusal of a taken key on the key field, then saves and opens the new track", async () => {
    const input = { externalKey: 'demens-1', ...content };
    const { wrapper, router } = await mountInPortal(CatalogueItemFormPage, {
      routes,
      at: '/operations/catalogue/new',
      mocks: [
        options([{ role: 'ADMINISTRATOR', organisation: null }]),
        payload(LearningTrackCreateDocument, { input }, 'learningTrackCreate', { learningTrack: null }, [
          { field: 'externalKey', code: 'TAKEN', message: 'Another learning track already has this external key.' },
        ]),
        payload(LearningTrackCreateDocument, { input }, 'learningTrackCreate', {
          learningTrack: saved('LearningTrack', 'TGVhcm5pbmdUcmFjazox', input),
        }),
      ],
    });
    await wrapper.find('#catalogue-track-key').setValue('demens-1');
    await wrapper.find('#catalogue-track-title').setValue(content.title);
    await wrapper.find('#catalogue-track-minutes').setValue('90');
    await wrapper.find('#catalogue-track-languages').setValue('sv, en');
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => wrapper.find('#catalogue-track-key-error').exists()).toBe(true);
    expect(wrapper.find('#catalogue-track-key-error').text()).toBe('Ett annat lärandespår har redan den nyckeln.');
    expect(router.currentRoute.value.path).toBe('/operations/catalogue/new');

    await wrapper.find('form').trigger('submit');
    await expect.poll(() => router.currentRoute.value.path).toBe('/operations/catalogue/TGVhcm5pbmdUcmFjazox');
    wrapper.unmount();
  });

  it("gives an organisation admin only their organisation's co-created tracks, and sends the sharing chosen", async () => {
    const input = {
      externalKey: 'boxholm-1',
      ...content,
      estimatedMinutes: null,
      languages: ['sv'],
      organisationId: 'org-boxholm',
      sharedWithMembers: true,
    };
    const { wrapper, router } = await mountInPortal(CatalogueItemFormPage, {
      routes,
      at: '/operations/catalogue/new',
      mocks: [
        options([{ role: 'ORGANISATION_ADMIN', organisation: { id: 'org-boxholm', name: 'Boxholms kommun' } }]),
        payload(LearningTrackCreateDocument, { input }, 'learningTrackCreate', {
          learningTrack: saved('LearningTrack', 'TGVhcm5pbmdUcmFjazoy', input),
        }),
      ],
    });
    await expect.poll(() => wrapper.findAll('#catalogue-track-organisation option').length).toBe(1);
    expect(wrapper.find('#catalogue-track-organisation option').text()).toBe('Medskapat av Boxholms kommun');
    await wrapper.find('#catalogue-track-key').setValue('boxholm-1');
    await wrapper.find('#catalogue-track-title').setValue(content.title);
    await wrapper.find('[data-test="catalogue-shared"]').setValue(true);
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => router.currentRoute.value.path).toBe('/operations/catalogue/TGVhcm5pbmdUcmFjazoy');
    wrapper.unmount();
  });
});

describe('the learning module form', () => {
  it('adds a module to the track named in the route', async () => {
    const trackId = 'TGVhcm5pbmdUcmFjazox';
    const track: MockedResponse = {
      request: { query: LearningTrackDocument, variables: { id: trackId } },
      result: {
        data: {
          node: {
            __typename: 'LearningTrack',
            id: trackId,
            externalKey: 'demens-1',
            title: 'Demensvård',
            description: '',
            targetGroup: '',
            estimatedMinutes: null,
            languages: ['sv'],
            status: 'PUBLISHED',
            owner: '',
            coCreated: false,
            sharedWithMembers: false,
            manageable: true,
            updatedAt: '2026-11-01T10:00:00.000Z',
            organisation: null,
            modules: [],
          },
        },
      },
    };
    const input = { trackId, externalKey: 'demens-1-m1', ...content, title: 'Bemötande', estimatedMinutes: null, languages: ['sv'] };
    const { wrapper, router } = await mountInPortal(CatalogueItemFormPage, {
      routes,
      at: `/operations/catalogue/${trackId}/modules/new`,
      mocks: [
        track,
        payload(LearningModuleCreateDocument, { input }, 'learningModuleCreate', {
          learningModule: saved('LearningModule', 'TGVhcm5pbmdNb2R1bGU6MQ', input),
        }),
      ],
    });
    await expect.poll(() => wrapper.find('h1').text()).toBe('Ny modul i Demensvård');
    await wrapper.find('#catalogue-module-key').setValue('demens-1-m1');
    await wrapper.find('#catalogue-module-title').setValue('Bemötande');
    await wrapper.find('form').trigger('submit');
    await expect.poll(() => router.currentRoute.value.path).toBe(`/operations/catalogue/${trackId}`);
    wrapper.unmount();
  });
});
