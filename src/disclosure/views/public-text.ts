import type { Locale } from '../../core/context.js';
import { en, th } from '../i18n.js';

/**
 * Words of the public site: the `publicSite` section of the module catalog (i18n.ts), read
 * from it directly so the site renders with or without the disclosure catalog registered.
 */
export type PublicText = typeof th.publicSite;

/** The public site's words in the visitor's language (Thai unless they chose English). */
export function publicText(locale: Locale): PublicText {
  return locale === 'en' ? en.publicSite : th.publicSite;
}
