import type { ModuleManifest } from './core/module.js';
import { agenciesModule } from './core/agencies/module.js';
import { officialModule } from './core/official/module.js';
import { assessmentModule } from './assessment/module.js';
import { disclosureModule } from './disclosure/module.js';
import { measuresModule } from './measures/module.js';
import { surveysModule } from './surveys/module.js';
import { eserviceModule } from './eservice/module.js';
import { complaintsModule } from './complaints/module.js';
import { integrityModule } from './integrity/module.js';
import { personnelModule } from './personnel/module.js';

/** Every module, in mount order. The only file that knows them all. */
export const modules: readonly ModuleManifest[] = [
  agenciesModule,
  officialModule,
  assessmentModule,
  disclosureModule,
  measuresModule,
  surveysModule,
  eserviceModule,
  complaintsModule,
  integrityModule,
  personnelModule,
];
