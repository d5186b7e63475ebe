import type { EntityManager } from '@mikro-orm/postgresql';
import { StoredFileContent } from './file.entity.js';

/**
 * Where file bytes live. The metadata (StoredFile) is always a row in the database; only the bytes
 * go through this interface, so an S3-compatible store can replace PostgresFileStore by
 * implementing these methods (put with the object key = file id; get streaming the object; remove).
 */
export interface FileStore {
  /** Stores the bytes of a new file, inside the caller's transaction when the store is transactional. */
  put(em: EntityManager, fileId: string, data: Buffer): Promise<void>;
  /** The bytes of a file, or null when the store has none. */
  get(em: EntityManager, fileId: string): Promise<Buffer | null>;
  /** Deletes the bytes of files whose metadata the caller deletes in the same transaction. */
  remove(em: EntityManager, fileIds: readonly string[]): Promise<void>;
}

/** Bytes in PostgreSQL (`bytea`), written in the same transaction as the metadata. */
export class PostgresFileStore implements FileStore {
  async put(em: EntityManager, fileId: string, data: Buffer): Promise<void> {
    em.persist(em.create(StoredFileContent, { fileId, data }));
    await em.flush();
  }

  async get(em: EntityManager, fileId: string): Promise<Buffer | null> {
    const row = await em.findOne(StoredFileContent, { fileId });
    if (!row) return null;
    return Buffer.isBuffer(row.data) ? row.data : Buffer.from(row.data as Uint8Array);
  }

  async remove(em: EntityManager, fileIds: readonly string[]): Promise<void> {
    if (fileIds.length) await em.nativeDelete(StoredFileContent, { fileId: { $in: [...fileIds] } });
  }
}

export const defaultFileStore: FileStore = new PostgresFileStore();
