// Component tests: a component inside what the shell gives it (i18n, Apollo client, router, toasts), with Apollo
// mocked at the GraphQL boundary (MockLink) and nothing else mocked.
import { mount, flushPromises, type ComponentMountingOptions } from '@vue/test-utils';
import { DefaultApolloClient } from '@vue/apollo-composable';
import { MockLink, type MockedResponse } from '@apollo/client/testing/core';
import { createMemoryHistory, createRouter, type RouteRecordRaw } from 'vue-router';
import type { Component } from 'vue';
import type { ApolloClient, NormalizedCacheObject } from '@apollo/client/core';
import { createApolloClient } from '../apollo/create-apollo-client.js';
import { createPortalI18n, type PortalLanguage } from '../i18n/create-i18n.js';
import { createToasts, TOASTS_INJECTION_KEY } from '../composables/useToasts.js';

export interface PortalMountOptions {
  mocks?: MockedResponse[];
  language?: PortalLanguage;
  messages?: Record<PortalLanguage, Record<string, unknown>>;
  /** The route the component is shown at (with its query). */
  at?: string;
  routes?: RouteRecordRaw[];
  /** More to provide, e.g. the shell's session built on the test's Apollo client. */
  provide?: (client: ApolloClient<NormalizedCacheObject>) => Record<string | symbol, unknown>;
}

export async function mountInPortal<C extends Component>(
  component: C,
  options: PortalMountOptions & { props?: ComponentMountingOptions<C>['props'] } = {},
) {
  const unexpected: string[] = [];
  const client = createApolloClient({
    link: new MockLink(options.mocks ?? [], true, { showWarnings: false }),
    onUnexpectedError: (error) => unexpected.push(error.message),
  });
  const i18n = createPortalI18n({ language: options.language ?? 'sv', ...(options.messages ? { messages: options.messages } : {}) });
  const router = createRouter({
    history: createMemoryHistory(),
    routes: options.routes ?? [{ path: '/:rest(.*)*', component: { render: () => null } }],
  });
  await router.push(options.at ?? '/');
  await router.isReady();
  const toasts = createToasts();
  const wrapper = mount(component as any, {
    props: options.props as any,
    attachTo: document.body,
    global: {
      plugins: [i18n, router],
      provide: { [DefaultApolloClient]: client, [TOASTS_INJECTION_KEY]: toasts, ...options.provide?.(client) },
    },
  });
  await flushPromises();
  return { wrapper, client, router, i18n, toasts, unexpected };
}

export { flushPromises };
export { payload } from './payload.js';
