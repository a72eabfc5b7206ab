/**
 * Worker-thread entry of parseScoreFileOffThread: says it is ready once its modules are
 * loaded, then reads the one score file it is sent and posts the result. The host kills the
 * thread when it is done, too slow, or over its memory limit.
 */
import { parentPort } from 'node:worker_threads';
import { getFramework } from './frameworks/load-frameworks.js';
import { parseScoreFile } from './parse-score-file.js';

const port = parentPort!;
port.once('message', (job: { bytes: Uint8Array; fiscalYear: number }) => {
  void parseScoreFile({ bytes: job.bytes }, { framework: getFramework(job.fiscalYear) }).then(
    (result) => port.postMessage({ type: 'result', result }),
  );
});
port.postMessage({ type: 'ready' });
