import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * What the platform knows of an uploaded file, whichever store holds its bytes. A file is its
 * uploader's alone until a module attaches it to something (`attachedTo`); from then on that
 * module's visibility rule decides who may read it (file-access.ts).
 */
@Entity({ tableName: 'stored_files' })
@Index({ properties: ['ownerUserId', 'createdAt'] })
export class StoredFile {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'uuid' })
  ownerUserId!: string;

  /** The sanitised file name shown to people. */
  @Property({ type: 'string', length: 120 })
  name!: string;

  /** Sniffed from the content, never taken from the client. */
  @Property({ type: 'string', length: 40 })
  contentType!: string;

  @Property({ type: 'integer' })
  size!: number;

  /** SHA-256 of the content, hex. */
  @Property({ type: 'string', length: 64 })
  sha256!: string;

  /** The GraphQL type of what the file is attached to (e.g. "ServiceCase"); null while unattached. */
  @Property({ type: 'string', length: 60, nullable: true })
  attachedTo: string | null = null;

  @Property({ type: 'datetime' })
  createdAt!: Date;
}

/** The bytes of a file kept in PostgreSQL (PostgresFileStore). */
@Entity({ tableName: 'stored_file_contents' })
export class StoredFileContent {
  @PrimaryKey({ type: 'uuid' })
  fileId!: string;

  @Property({ type: 'blob' })
  data!: Buffer;
}

export const fileEntities = [StoredFile, StoredFileContent];
