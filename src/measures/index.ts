// The measures module's public API: the only import path for other modules, and only what
// they use (test/architecture.test.ts fails on an export no other module imports).

/** Copies the measures with unfinished actions of a year into the next (ยกยอด), at a new year. */
export { carryOverMeasures } from './carry-over-measures.js';
