import { byKeys, defineLoader } from '../../shared/loaders.js';
import { CommitmentTerms, UndertakingTerms } from './names.entity.js';

/** Commitment terms by version: a page of reservations shows the versions their commitments were given on. */
export const commitmentTermsByVersion = defineLoader<number, CommitmentTerms | null>(
  'names.commitmentTermsByVersion',
  async (ctx, versions) =>
    byKeys(versions, await ctx.em.find(CommitmentTerms, { version: { $in: [...versions] } }), (t) => t.version),
);

/** Undertaking texts by version: a page of reservations shows the versions their undertakings were given on. */
export const undertakingTermsByVersion = defineLoader<number, UndertakingTerms | null>(
  'names.undertakingTermsByVersion',
  async (ctx, versions) =>
    byKeys(versions, await ctx.em.find(UndertakingTerms, { version: { $in: [...versions] } }), (t) => t.version),
);
