import { replicaUnavailableHere, StreamingReplica } from '../../scripts/streaming-replica.mjs';

// A real streaming replica of the PostgreSQL server at TEST_DATABASE_URL, on port 5433, started and
// stopped by the test that uses it. The replica itself (pg_basebackup, its configuration, the one line
// it may add to the primary's pg_hba.conf) is scripts/streaming-replica.mjs, shared with `npm run topology`.

export { StreamingReplica };

export const REPLICA_PORT = 5433;

/** Why a replica cannot run here, or null when it can. */
export function replicaUnavailable(): string | null {
  if (!process.env.TEST_DATABASE_URL) return 'TEST_DATABASE_URL is not set';
  return replicaUnavailableHere();
}

/** A streaming replica of the test server on port 5433. */
export function startTestReplica(): Promise<StreamingReplica> {
  return StreamingReplica.start(process.env.TEST_DATABASE_URL!, { port: REPLICA_PORT });
}
