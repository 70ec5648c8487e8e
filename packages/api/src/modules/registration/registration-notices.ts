import type { EntityManager } from '@mikro-orm/postgresql';
import type { ChangeListener } from './registration-queue.js';

/** What each registration change tells the person, written in the change's own transaction. */
export function registrationNotices(em: EntityManager): ChangeListener {
  void em;
  return async () => {};
}
