/** The e-service's public API: only what other modules use (nothing yet beyond the manifest). */

/** The manifest, registered in src/modules.ts. */
export { eserviceModule } from './module.js';
