import { byKeys, defineLoader } from '../../shared/loaders.js';
import { CommitmentTerms } from './names.entity.js';

/** Commitment terms by version: a page of reservations shows the versions their commitments were given on. */
export const commitmentTermsByVersion = defineLoader<number, CommitmentTerms | null>(
  'names.commitmentTermsByVersion',
  async (ctx, versions) =>
    byKeys(versions, await ctx.em.find(CommitmentTerms, { version: { $in: [...versions] } }), (t) => t.version),
);
