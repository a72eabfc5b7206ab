import { createServer, type RequestListener, type Server, type ServerOptions } from 'node:http';
import { createAdaptorServer } from '@hono/node-server';
import type { NodeLane } from './node-lane-types.js';
import type { SharedPageCache } from './shared-page-cache.js';

/**
 * What a Node server serves: createApp's result (`WebApp`), or any fetch handler with the
 * fast paths it has (a test's bare Hono app has none, and loses nothing but speed: the page
 * cache's middleware and each lane's route still answer inside Hono).
 */
export interface ServedApp {
  app: { fetch: (request: Request, ...rest: never[]) => Response | Promise<Response> };
  pageCache?: SharedPageCache | undefined;
  lanes?: readonly NodeLane[] | undefined;
}

/**
 * The Node HTTP server for an app: anonymous hits of the shared page cache are written
 * straight from memory, the modules' Node lanes answer the plain case of their hot routes,
 * and everything else goes through Hono's Node adapter.
 */
export function createNodeServer(
  { app, pageCache, lanes = [] }: ServedApp,
  options: { hostname?: string } = {},
): Server {
  return createAdaptorServer({
    fetch: app.fetch as never,
    ...(options.hostname ? { hostname: options.hostname } : {}),
    createServer: ((serverOptions: ServerOptions, honoListener: RequestListener) =>
      createServer(serverOptions, (req, res) => {
        if (pageCache?.serveFromNode(req, res)) return;
        for (const lane of lanes) {
          if (lane.accepts(req)) {
            void lane.serve(req, res, () => void honoListener(req, res));
            return;
          }
        }
        void honoListener(req, res);
      })) as never,
  }) as Server;
}

/** Starts listening and resolves once the port is bound. */
export async function listen(server: Server, port: number, hostname?: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
}
