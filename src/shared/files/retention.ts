import { LockMode, type FilterQuery } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../clock.js';
import type { Config } from '../../config.js';
import { StoredFile } from './file.entity.js';
import { defaultFileStore, type FileStore } from './file-store.js';

// An upload nobody attached within UNATTACHED_UPLOAD_RETENTION_HOURS is gone: every read (download,
// attaching it, the per-user cap) already treats it so through unattachedUploadsOf, whether or not
// the scheduled sweep (app/jobs.ts) has deleted it yet; the sweep then deletes its row and its bytes.

type Retention = { config: Pick<Config, 'unattachedUploadRetentionHours'>; clock: Clock };

/** Unattached uploads created at or before this instant are gone. */
export function unattachedUploadCutoff({ config, clock }: Retention): Date {
  return new Date(clock.now().getTime() - config.unattachedUploadRetentionHours * 3_600_000);
}

/** A user's uploads that are not attached to anything and still within the retention period. */
export function unattachedUploadsOf(deps: Retention, ownerUserId: string): FilterQuery<StoredFile> {
  return { ownerUserId, attachedTo: null, createdAt: { $gt: unattachedUploadCutoff(deps) } };
}

export function isLapsedUpload(deps: Retention, file: StoredFile): boolean {
  return file.attachedTo === null && file.createdAt <= unattachedUploadCutoff(deps);
}

const PURGE_BATCH = 500;

/**
 * Deletes the lapsed unattached uploads, bytes and metadata, a batch per transaction. A file being
 * attached at this moment holds its row lock and is skipped (and is then attached, so never lapses).
 */
export async function purgeLapsedUploads(
  em: EntityManager,
  deps: Retention,
  store: FileStore = defaultFileStore,
): Promise<number> {
  const cutoff = unattachedUploadCutoff(deps);
  let purged = 0;
  for (;;) {
    const count = await em.fork().transactional(async (tx) => {
      const lapsed = await tx.find(
        StoredFile,
        { attachedTo: null, createdAt: { $lte: cutoff } },
        { fields: ['id'], limit: PURGE_BATCH, lockMode: LockMode.PESSIMISTIC_PARTIAL_WRITE },
      );
      if (lapsed.length === 0) return 0;
      const ids = lapsed.map((file) => file.id);
      await store.remove(tx, ids);
      await tx.nativeDelete(StoredFile, { id: { $in: ids } });
      return ids.length;
    });
    purged += count;
    if (count < PURGE_BATCH) return purged;
  }
}
