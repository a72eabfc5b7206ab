import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';

/**
 * How many processes serve HTTP. One Node process uses one core for JavaScript. With
 * PostgreSQL, `auto` leaves one core to the database, which a municipality usually runs on
 * the same machine: on 2 cores two workers were no faster than one in the surge benchmark
 * (docs/benchmarks.md), as PostgreSQL and the second worker fought for the second core. Set
 * PRONGSAI_WORKERS to the core count when the database runs elsewhere. PGlite is an
 * in-process database only one process may open, so it always runs one.
 */
export function workerCount(setting: 'auto' | number, database: 'pglite' | 'postgres'): number {
  if (database === 'pglite') return 1;
  return setting === 'auto' ? Math.max(1, availableParallelism() - 1) : setting;
}

/** Each worker's share of the configured connection pool (at least 2, so a batch and a page can run at once). */
export function poolShare(poolSize: number, workers: number): number {
  return Math.max(2, Math.floor(poolSize / workers));
}

// A worker that keeps dying is a bug or a broken setting, not load: after this many restarts
// within a minute the primary stops instead of restarting forever.
const MAX_RESTARTS_PER_MINUTE = 5;

export interface ClusterHandle {
  /** Resolves when a worker has crashed too often and the primary has given up (exit code). */
  failed: Promise<number>;
  /** Stops every worker (SIGTERM, then SIGKILL after 10 s) and resolves when all are gone. */
  stop(): Promise<void>;
}

/**
 * In the primary: forks `workers` processes running the same command (they see
 * `cluster.isWorker` and serve), restarts a worker that
 * dies, and resolves once every worker listens. Rejects if a worker dies before listening
 * (a port in use, a bad setting): starting half a server is worse than not starting.
 */
export async function startCluster(options: {
  workers: number;
  log: (line: string) => void;
}): Promise<ClusterHandle> {
  let stopping = false;
  let starting = true;
  const restarts: number[] = [];
  let giveUp: (code: number) => void = () => undefined;
  const failed = new Promise<number>((resolve) => (giveUp = resolve));

  const fork = (): Worker => cluster.fork();

  const ready = new Promise<void>((resolve, reject) => {
    let listening = 0;
    cluster.on('listening', () => {
      listening += 1;
      if (starting && listening === options.workers) {
        starting = false;
        resolve();
      }
    });
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      if (starting) {
        stopping = true;
        for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
        reject(
          new Error(`worker ${worker.process.pid} exited during start-up (${signal ?? code})`),
        );
        return;
      }
      const now = Date.now();
      restarts.push(now);
      while (restarts.length > 0 && now - restarts[0]! > 60_000) restarts.shift();
      if (restarts.length > MAX_RESTARTS_PER_MINUTE) {
        options.log(
          `โปรเซสย่อยล้มซ้ำเกิน ${MAX_RESTARTS_PER_MINUTE} ครั้งในหนึ่งนาที หยุดทำงาน / ` +
            `workers crashed more than ${MAX_RESTARTS_PER_MINUTE} times in a minute, stopping`,
        );
        giveUp(1);
        return;
      }
      options.log(
        `โปรเซสย่อย ${worker.process.pid} หยุด (${signal ?? code}) เริ่มใหม่ / ` +
          `worker ${worker.process.pid} exited (${signal ?? code}), restarting`,
      );
      fork();
    });
  });
  for (let i = 0; i < options.workers; i++) fork();
  await ready;

  return {
    failed,
    stop: async () => {
      stopping = true;
      const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => !!w);
      await Promise.all(
        alive.map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (worker.isDead()) return resolve();
              const kill = setTimeout(() => worker.process.kill('SIGKILL'), 10_000);
              worker.once('exit', () => {
                clearTimeout(kill);
                resolve();
              });
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

/**
 * In a worker: stop serving when the primary is gone (killed, even with SIGKILL), instead of
 * living on as an orphan that holds the port and database connections.
 */
export function exitWithPrimary(stop: () => Promise<void>): void {
  if (!cluster.isWorker) return;
  process.once('disconnect', () => {
    void stop().finally(() => process.exit(0));
  });
}
