// The declared cost, in points, of fields that do more than read rows (app/limits.ts has the model:
// a connection page costs 1 point, about 4 ms of the server's and the database's time). Declared with
// `complexity` in @Query / @Mutation / @Field options; the schema description of each such field
// states its cost.
export const COST = {
  /** The name rules, then conflicts with every registered, reserved and released name (similarity search). */
  nameCheck: 10,
  /** A page of an infix search of enterprise names (a short infix cannot use the trigram index). */
  nameSearch: 3,
  /** A signature check and one enterprise read. */
  licenceVerification: 2,
  /** An aggregate over up to five years of financing demands. */
  statistics: 10,
  /** scrypt with 32 MiB of memory: about 100 ms of CPU per password. */
  passwordHash: 10,
} as const;
