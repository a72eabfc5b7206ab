import cluster, { type Worker } from 'node:cluster';

/**
 * State that must be one for the whole instance (rate limits, recent-answer fingerprints)
 * while `prongsai serve` runs one worker process per core: such a service lives in memory in
 * ONE process. Clustered, that is the primary and workers reach it over the cluster's IPC
 * channel; in a single process (PGlite, tests, the CLI) the call is a plain function call.
 * Nothing here touches the database or the disk, which keeps "in memory only" true for what
 * the services hold.
 *
 * A service is defined at module load, in every process alike, so the primary knows the
 * handler of every name a worker may call.
 */
type Handler = (input: never) => unknown;

const handlers = new Map<string, Handler>();
const pending = new Map<
  number,
  { resolve: (value: unknown) => void; reject: (e: Error) => void }
>();
let nextCallId = 1;
let workerListening = false;

// Calls and replies travel in batches: every call made in one turn of a worker's event loop
// goes in one IPC message, and the primary answers it with one message. At closing-day load
// that is one message per turn instead of two per submission.
interface CallBatch {
  prongsaiCalls: { id: number; name: string; input: unknown }[];
}
interface ReplyBatch {
  prongsaiReplies: { id: number; output?: unknown; error?: string }[];
}

/**
 * Defines a service whose handler runs in the primary (or in this process when it is the
 * only one). Input and output must survive JSON (the IPC channel's serialisation).
 */
export function definePrimaryService<I, O>(
  name: string,
  handler: (input: I) => O,
): (input: I) => Promise<O> {
  if (handlers.has(name)) throw new Error(`primary service defined twice: ${name}`);
  handlers.set(name, handler as Handler);
  return (input) => {
    if (!cluster.isWorker) {
      try {
        return Promise.resolve(handler(input));
      } catch (error) {
        return Promise.reject(error instanceof Error ? error : new Error(String(error)));
      }
    }
    return callPrimary(name, input) as Promise<O>;
  };
}

let outbox: CallBatch['prongsaiCalls'] = [];

function callPrimary(name: string, input: unknown): Promise<unknown> {
  if (!workerListening) {
    workerListening = true;
    process.on('message', (message: ReplyBatch) => {
      if (!Array.isArray(message?.prongsaiReplies)) return;
      for (const reply of message.prongsaiReplies) {
        const waiting = pending.get(reply.id);
        if (!waiting) continue;
        pending.delete(reply.id);
        if (reply.error !== undefined) waiting.reject(new Error(reply.error));
        else waiting.resolve(reply.output);
      }
    });
    // The primary is gone: nothing will answer what is still waiting.
    process.once('disconnect', () => {
      for (const waiting of pending.values()) waiting.reject(new Error('primary process gone'));
      pending.clear();
    });
  }
  return new Promise((resolve, reject) => {
    if (!process.connected) return reject(new Error('primary process gone'));
    const id = nextCallId++;
    pending.set(id, { resolve, reject });
    outbox.push({ id, name, input });
    if (outbox.length === 1) setImmediate(flushOutbox);
  });
}

function flushOutbox(): void {
  const calls = outbox;
  outbox = [];
  const message: CallBatch = { prongsaiCalls: calls };
  process.send!(message, undefined, undefined, (error) => {
    if (!error) return;
    for (const call of calls) {
      pending.get(call.id)?.reject(error);
      pending.delete(call.id);
    }
  });
}

/** In the primary: answers the service calls of one worker. */
export function answerServiceCalls(worker: Worker): void {
  worker.on('message', (message: CallBatch) => {
    if (!Array.isArray(message?.prongsaiCalls)) return;
    const replies: ReplyBatch['prongsaiReplies'] = message.prongsaiCalls.map((call) => {
      const handler = handlers.get(call.name);
      try {
        if (!handler) throw new Error(`no primary service named ${call.name}`);
        return { id: call.id, output: handler(call.input as never) };
      } catch (error) {
        return { id: call.id, error: error instanceof Error ? error.message : String(error) };
      }
    });
    if (worker.isConnected()) worker.send({ prongsaiReplies: replies } satisfies ReplyBatch);
  });
}
