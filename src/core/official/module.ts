import { defineModule } from '../module.js';
import { th, en } from './i18n.js';

/**
 * หนังสือราชการ (ประกาศ/คำสั่ง): the register, numbering and layout other modules call through
 * `core/official/index.ts`. No pages of its own: the integrity module's pages draft, sign and
 * publish from templates; this manifest only brings the messages its use cases raise.
 */
export const officialModule = defineModule({
  name: 'official',
  catalog: { th, en },
});
