import type { MikroORM } from '@mikro-orm/postgresql';
import { StartupError } from '../../platform/errors/startup-error.js';
import type { Logger } from '../../platform/logger.js';
import type { IdentityNumberKeyring } from './identity-number-keys.js';
import { PersonIdentityNumber } from './person-identity-number.entity.js';

const BATCH = 500;

/**
 * Run at every start-up (under the start-up lock): re-encrypts, and re-hashes, every number not sealed with
 * the current key, in batches of one transaction each, so that after a start with a new
 * `IDENTITY_NUMBER_KEY` and the old one as `IDENTITY_NUMBER_KEY_PREVIOUS` no row needs the old key. Refuses
 * to start when a row is sealed with a key that is not configured, rather than fail when someone reads it.
 */
export async function reencryptIdentityNumbers(orm: MikroORM, keys: IdentityNumberKeyring, logger: Logger): Promise<number> {
  const counts = await orm.em.fork().getRepository(PersonIdentityNumber).countByKeyId();
  const unknown = [...counts].filter(([keyId]) => !keys.keyIds.includes(keyId));
  if (unknown.length > 0) {
    const rows = unknown.reduce((sum, [, count]) => sum + count, 0);
    throw new StartupError(
      `${rows} personal identity number(s) are sealed with a key that is not configured (key id ${unknown.map(([id]) => id).join(', ')}): set IDENTITY_NUMBER_KEY_PREVIOUS to the key they were sealed with (in development, restore the data folder's identity-number.key), and IDENTITY_NUMBER_KEY to the new one.`,
    );
  }
  const current = keys.current;
  if ([...counts.keys()].every((keyId) => keyId === current.id)) return 0;
  let reencrypted = 0;
  for (;;) {
    const done = await orm.em.fork().transactional(async (em) => {
      const rows = await em.getRepository(PersonIdentityNumber).lockBatchNotSealedWith(current.id, BATCH);
      for (const row of rows) {
        const digits = keys.key(row.keyId).open(row.person.id, row.sealed);
        Object.assign(row, { keyId: current.id, sealed: current.seal(row.person.id, digits), lookupHash: current.lookupHash(digits) });
      }
      return rows.length;
    });
    reencrypted += done;
    if (done < BATCH) break;
  }
  logger.info({ reencrypted, keyId: current.id }, 're-encrypted personal identity numbers with the current key');
  return reencrypted;
}
