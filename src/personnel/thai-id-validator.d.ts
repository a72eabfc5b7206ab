// thai-id-validator ships index.d.ts but its package.json "exports" does not point at it.
declare module 'thai-id-validator' {
  /** Whether a 13-digit Thai national ID has a valid mod-11 check digit. */
  export default function isValidThaiID(input: string | number): boolean;
}
