// Public API of the measures module: the only import path for other modules.
export { measuresModule } from './module.js';
export { buildMeasuresReport, renderMeasuresReport } from './build-measures-report.js';
export { listMeasuresOfYear } from './queries.js';
/** Copies the measures with unfinished actions of a year into the next (ยกยอด). */
export { carryOverMeasures } from './carry-over-measures.js';
