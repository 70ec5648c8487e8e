import { computed, inject, reactive, type App } from 'vue';
import type { ApolloClient, NormalizedCacheObject } from '@apollo/client/core';
import { MeDocument, SignInDocument, SignOutDocument, type Role, type SessionPersonFragment, type SignInMutation } from '../gql/graphql.js';

export type SignInProblem = SignInMutation['signIn']['errors'][number];

export interface Session {
  person: SessionPersonFragment | null;
  ready: boolean;
  readonly roles: Role[];
  /** Asks the API who is signed in (the session cookie is HttpOnly). */
  load(): Promise<void>;
  /** Payload errors when signing in failed, else none; `secondFactorCode` once the API asked for it (SECOND_FACTOR_REQUIRED). */
  signIn(email: string, password: string, secondFactorCode?: string): Promise<SignInProblem[]>;
  signOut(): Promise<void>;
  /** The API said the session ended. */
  expire(): void;
}

const SESSION_KEY = 'evikomp:session';

export function createSession(client: ApolloClient<NormalizedCacheObject>): Session {
  const state = reactive({ person: null as SessionPersonFragment | null, ready: false });
  const roles = computed(() => [...new Set((state.person?.roles ?? []).map((assignment) => assignment.role))]);
  const session: Session = {
    get person() {
      return state.person;
    },
    get ready() {
      return state.ready;
    },
    get roles() {
      return roles.value;
    },
    async load() {
      const { data } = await client.query({ query: MeDocument, fetchPolicy: 'network-only' });
      state.person = data.me ?? null;
      state.ready = true;
    },
    async signIn(email, password, secondFactorCode) {
      const input = secondFactorCode ? { email, password, secondFactorCode } : { email, password };
      const { data } = await client.mutate({ mutation: SignInDocument, variables: { input } });
      const payload = data?.signIn;
      if (!payload) return [{ code: 'INVALID', field: null, message: 'no answer' }];
      if (payload.errors.length > 0 || !payload.me) return payload.errors;
      await client.clearStore();
      state.person = payload.me;
      return [];
    },
    async signOut() {
      await client.mutate({ mutation: SignOutDocument });
      state.person = null;
      await client.clearStore();
    },
    expire() {
      state.person = null;
    },
  } as Session;
  return session;
}

export function installSession(app: App, session: Session): void {
  app.provide(SESSION_KEY, session);
}

export function useSession(): Session {
  const session = inject<Session>(SESSION_KEY);
  if (!session) throw new Error('useSession() outside the shell');
  return session;
}
