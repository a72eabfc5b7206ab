/**
 * Encryption of complainants' identities (docs/decisions/0008-complaint-identities.md).
 *
 * Each agency's complaint committee has one X25519 key pair. An identity is sealed to the
 * public key (an ephemeral X25519 agreement, HKDF-SHA256, AES-256-GCM), so filing needs no
 * secret at all. The private key is stored only wrapped (AES-256-GCM) under keys that the
 * database does not hold: one per committee member, derived from that member's secret file in
 * `<dataDir>/secrets/`, and one admission key used only to wrap it for a newly added member.
 * A copy of the database or a `prongsai backup` (which never copies secrets/) holds
 * ciphertext and wrapped keys only.
 */
import {
  createCipheriv,
  createDecipheriv,
  createPrivateKey,
  createPublicKey,
  diffieHellman,
  generateKeyPairSync,
  hkdfSync,
  randomBytes,
} from 'node:crypto';
import { instanceSecret } from '../core/config/instance-secret.js';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64url');
const unb64 = (text: string) => Buffer.from(text, 'base64url');

function deriveKey(secret: Uint8Array, salt: string, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', secret, salt, info, 32));
}

/** AES-256-GCM, written as `iv.tag.ciphertext`; `aad` binds it to its row. */
function encrypt(key: Buffer, plain: Uint8Array, aad: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return [b64(iv), b64(cipher.getAuthTag()), b64(body)].join('.');
}

function decrypt(key: Buffer, sealed: string, aad: string): Buffer {
  const [iv, tag, body] = sealed.split('.');
  if (!iv || !tag || body === undefined) throw new Error('malformed ciphertext');
  const decipher = createDecipheriv('aes-256-gcm', key, unb64(iv));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(unb64(tag));
  return Buffer.concat([decipher.update(unb64(body)), decipher.final()]);
}

/** The secret a member's wrapped key is derived from: a file only the server's disk holds. */
function memberSecret(userId: string): Buffer {
  return instanceSecret(`complaints-member-${userId.toLowerCase()}`);
}

const ADMISSION_SECRET = 'complaints-admission';

/** A new committee key pair: the public key (DER, base64url) and the private key (DER). */
export function generateCommitteeKeys(): { publicKey: string; privateKey: Buffer } {
  const pair = generateKeyPairSync('x25519');
  return {
    publicKey: b64(pair.publicKey.export({ type: 'spki', format: 'der' })),
    privateKey: pair.privateKey.export({ type: 'pkcs8', format: 'der' }),
  };
}

/** Wraps the committee private key for one holder: a member (userId) or 'admission'. */
export function wrapCommitteeKey(agencyId: string, holder: string, privateKey: Buffer): string {
  const secret = holder === 'admission' ? instanceSecret(ADMISSION_SECRET) : memberSecret(holder);
  const key = deriveKey(secret, agencyId, `complaints-committee-key:${holder}`);
  return encrypt(key, privateKey, `${agencyId}|${holder}`);
}

/** The committee private key from its wrapping for `holder`; throws when it does not open. */
export function unwrapCommitteeKey(agencyId: string, holder: string, wrapped: string): Buffer {
  const secret = holder === 'admission' ? instanceSecret(ADMISSION_SECRET) : memberSecret(holder);
  const key = deriveKey(secret, agencyId, `complaints-committee-key:${holder}`);
  return decrypt(key, wrapped, `${agencyId}|${holder}`);
}

/** What a named complainant gives: kept only sealed. */
export interface ComplainantIdentity {
  name: string;
  phone: string;
  email: string;
  address: string;
}

/**
 * Seals an identity to the committee's public key, bound to its agency and complaint (a
 * sealed value copied onto another row does not open).
 */
export function sealIdentity(
  publicKey: string,
  identity: ComplainantIdentity,
  binding: { agencyId: string; complaintId: string },
): string {
  const ephemeral = generateKeyPairSync('x25519');
  const shared = diffieHellman({
    privateKey: ephemeral.privateKey,
    publicKey: createPublicKey({ key: unb64(publicKey), format: 'der', type: 'spki' }),
  });
  const ephemeralPublic = ephemeral.publicKey.export({ type: 'spki', format: 'der' });
  const aad = `${binding.agencyId}|${binding.complaintId}`;
  const key = deriveKey(shared, b64(ephemeralPublic), `complaints-identity:${aad}`);
  return `v1.${b64(ephemeralPublic)}.${encrypt(key, Buffer.from(JSON.stringify(identity)), aad)}`;
}

/** Opens a sealed identity with the committee's private key (DER). */
export function openIdentity(
  privateKey: Buffer,
  sealed: string,
  binding: { agencyId: string; complaintId: string },
): ComplainantIdentity {
  const [version, ephemeralPublic, ...rest] = sealed.split('.');
  if (version !== 'v1' || !ephemeralPublic) throw new Error('unknown sealed identity');
  const shared = diffieHellman({
    privateKey: createPrivateKey({ key: privateKey, format: 'der', type: 'pkcs8' }),
    publicKey: createPublicKey({ key: unb64(ephemeralPublic), format: 'der', type: 'spki' }),
  });
  const aad = `${binding.agencyId}|${binding.complaintId}`;
  const key = deriveKey(shared, ephemeralPublic, `complaints-identity:${aad}`);
  return JSON.parse(decrypt(key, rest.join('.'), aad).toString('utf8')) as ComplainantIdentity;
}
