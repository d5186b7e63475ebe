import { Entity, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

// The credit commitments applicants give, as versions an administrator publishes. Each text has its
// own chain of versions; the newest is the one applicants read and sign. What was signed is copied
// into the application (or the simplified-deregistration notice) with its version label, so an
// earlier application keeps the text it was submitted with whatever is published later.

/** The texts: one per kind of application, and the investors' promise of a simplified deregistration. */
export const COMMITMENT_TEXTS = ['ESTABLISHMENT', 'CHANGE', 'DEREGISTRATION', 'SIMPLIFIED_NOTICE'] as const;
export type CommitmentTextValue = (typeof COMMITMENT_TEXTS)[number];

@Entity({ tableName: 'registration_commitment_terms' })
@Unique({ name: 'registration_commitment_terms_text_number_unique', properties: ['text', 'number'] })
@Unique({ name: 'registration_commitment_terms_text_version_unique', properties: ['text', 'version'] })
export class RegistrationCommitmentTermsVersion {
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'string', length: 20 })
  text!: CommitmentTextValue;

  /** 1, 2, 3… within the text. */
  @Property({ type: 'integer' })
  number!: number;

  /** The label an applicant quotes when committing, e.g. "REG-2026.1". */
  @Property({ type: 'string', length: 40 })
  version!: string;

  @Property({ type: 'text' })
  textZh!: string;

  @Property({ type: 'text' })
  textEn!: string;

  @Property({ type: 'datetime' })
  publishedAt!: Date;

  /** The administrator who published it (none for the versions the platform started with). */
  @Property({ type: 'uuid', nullable: true })
  publishedBy!: string | null;
}
