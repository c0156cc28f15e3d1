import type { Logger } from '../logger.ts';
import type { Store } from '../store/store.ts';
import type { SecretBox } from './secret-box.ts';

/**
 * After a key rotation, seals every stored client secret under the new key, so the old key can
 * be removed from the ring. Runs at start, before anything reads a secret; a secret no configured
 * key opens is left as it is and reported (its data source will fail to sync with a clear error).
 */
export async function resealSecrets(store: Store, secrets: SecretBox, logger: Logger): Promise<void> {
  let resealed = 0;
  for (const source of await store.dataSources.list()) {
    if (!source.secretSealed || !secrets.isStale(source.secretSealed)) continue;
    let plaintext: string;
    try {
      plaintext = secrets.open(source.secretSealed);
    } catch {
      logger.error({ sourceId: source.id }, 'the client secret of this data source opens with no configured key; enter it again');
      continue;
    }
    await store.dataSources.update({ ...source, secretSealed: secrets.seal(plaintext) });
    resealed++;
  }
  if (resealed > 0) logger.info({ resealed }, 'client secrets resealed under the current key; keys rotated out may now be removed');
}
