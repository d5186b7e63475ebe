// Node.js flags the server runs with (scripts/start.mjs, the benchmark). One place, so what is measured
// is what is deployed.
//
// --max-semi-space-size=64: a GraphQL response is built from thousands of short-lived objects (rows,
// field values, result maps) that stay alive across the await of each request. With V8's default young
// generation (16 MB semi-spaces) many survive a scavenge and are copied into the old generation, which
// then needs full collections: measured on the bank search, garbage collection took 16% of the
// server's CPU and throughput was 131 requests/s; with 64 MB, 7% and 196 requests/s.
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=64'];
