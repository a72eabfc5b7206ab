/**
 * Preloaded into a benchmarked server (`node --import tsx --import ./bench/profile-on-signal.ts`):
 * the first SIGUSR2 starts a CPU profile, the second writes it to $BENCH_CPU_PROF/<pid>.cpuprofile.
 * So a profile covers exactly the measured part of a benchmark, not start-up or preparation.
 */
import { Session } from 'node:inspector/promises';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const dir = process.env.BENCH_CPU_PROF;
if (dir) {
  const session = new Session();
  session.connect();
  let running = false;
  process.on('SIGUSR2', () => {
    void (async () => {
      if (!running) {
        running = true;
        await session.post('Profiler.enable');
        await session.post('Profiler.setSamplingInterval', { interval: 200 });
        await session.post('Profiler.start');
        return;
      }
      running = false;
      const { profile } = await session.post('Profiler.stop');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${process.pid}.cpuprofile`), JSON.stringify(profile));
    })();
  });
}
