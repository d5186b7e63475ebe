import cluster from 'node:cluster';

// Our server as BENCH_WORKERS processes sharing one port (node:cluster), as a deployment on a multi-core
// machine would run it (pm2 -i, systemd instances). Each worker is the ordinary compiled server; the
// database is already migrated, so their start-up work finds nothing to do.

const workers = Number(process.env.BENCH_WORKERS ?? 2);

if (cluster.isPrimary) {
  for (let i = 0; i < workers; i++) cluster.fork();
  let stopping = false;
  process.on('SIGTERM', () => {
    if (stopping) return;
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    setTimeout(() => process.exit(0), 3000).unref();
  });
  cluster.on('exit', () => {
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0);
  });
} else {
  await import('../src/main.js');
}
