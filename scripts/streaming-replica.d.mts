// Types of scripts/streaming-replica.mjs, for the tests and the benchmark that import it.
import type pg from 'pg';

export function postgresBin(): string | null;
export function replicaUnavailableHere(): string | null;

export class StreamingReplica {
  private constructor();
  readonly port: number;
  urlFor(primaryUrl: string): string;
  static start(primaryUrl: string, options: { port: number; settings?: string[] }): Promise<StreamingReplica>;
  startServer(): Promise<void>;
  stopServer(): Promise<void>;
  query<T extends pg.QueryResultRow>(database: string, sql: string): Promise<T[]>;
  waitForDatabase(database: string, timeoutMs?: number): Promise<void>;
  destroy(): Promise<void>;
  destroySync(): void;
}
