import { lookup as dnsLookup } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { BlockList, isIP } from 'node:net';
import { Readable } from 'node:stream';

/**
 * Addresses a website check must never reach (issue 12 item 5): the server itself, the
 * agency's LAN and cloud metadata. From the IANA special-purpose registries (RFC 6890 and its
 * updates); IPv4-mapped IPv6 (`::ffff:127.0.0.1`) is matched by BlockList against the v4 rules.
 */
const NON_PUBLIC = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8], // "this network"
  ['10.0.0.0', 8], // private (RFC 1918)
  ['100.64.0.0', 10], // carrier-grade NAT (RFC 6598)
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local, cloud metadata 169.254.169.254
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved and broadcast
] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv4');
}
for (const [net, prefix] of [
  ['::', 128], // unspecified
  ['::1', 128], // loopback
  ['::', 96], // IPv4-compatible (deprecated): would smuggle ::127.0.0.1
  ['64:ff9b::', 96], // NAT64: reaches whatever v4 address it embeds
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['2002::', 16], // 6to4: embeds a v4 address
  ['fc00::', 7], // unique local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  NON_PUBLIC.addSubnet(net, prefix, 'ipv6');
}

/** Whether an IP address (v4 or v6, without brackets) is on the public Internet. */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 0) return false;
  return !NON_PUBLIC.check(address, family === 4 ? 'ipv4' : 'ipv6');
}

/** Host name → its addresses, as the system resolver (with /etc/hosts) gives them. */
export type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) => dnsLookup(hostname, { all: true, verbatim: true });

/** A request refused because its host is, or resolves to, a non-public address. */
export class BlockedAddressError extends Error {
  readonly code = 'EBLOCKEDADDRESS';
  constructor(
    readonly hostname: string,
    readonly address: string,
  ) {
    super(`${hostname} resolves to the non-public address ${address}`);
  }
}

/**
 * How the checker may reach the network. `allowPrivateAddresses` exists for tests, whose
 * fixture sites listen on 127.0.0.1, and for the operator's CLI flag; the staff web page never
 * sets it. `resolve` replaces the system resolver in tests.
 */
export interface NetworkPolicy {
  allowPrivateAddresses?: boolean;
  resolve?: Resolver;
  /** Test-only: addresses (a fixture server on 127.0.0.2) that stand in for a public site. */
  treatAsPublic?: readonly string[];
}

function bareHost(hostname: string): string {
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
}

/**
 * The addresses a host name resolves to, refused (BlockedAddressError) when any of them is not
 * public: a name with one public and one private address must not let the private one through.
 */
async function checkedAddresses(hostname: string, policy: NetworkPolicy): Promise<LookupAddress[]> {
  const host = bareHost(hostname);
  const literal = isIP(host);
  const addresses = literal
    ? [{ address: host, family: literal }]
    : await (policy.resolve ?? systemResolver)(host);
  if (addresses.length === 0) {
    throw Object.assign(new Error(`no address for ${host}`), { code: 'ENOTFOUND' });
  }
  if (!policy.allowPrivateAddresses) {
    const bad = addresses.find(
      (a) => !isPublicAddress(a.address) && !policy.treatAsPublic?.includes(a.address),
    );
    if (bad) throw new BlockedAddressError(host, bad.address);
  }
  return addresses;
}

/**
 * Whether a URL's host is, or resolves to, public addresses only: the staff form's early
 * answer. The crawler checks again on every connection, so this is not the guard itself.
 */
export async function isPublicTarget(url: string, policy: NetworkPolicy = {}): Promise<boolean> {
  let hostname: string;
  try {
    hostname = new URL(url).hostname;
  } catch {
    return false;
  }
  try {
    await checkedAddresses(hostname, { ...policy, allowPrivateAddresses: false });
    return true;
  } catch {
    return false;
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** A request function with the shape the crawler uses: one URL, no redirects followed. */
export type GuardedRequest = (
  url: string,
  init: { method: 'GET' | 'HEAD'; headers: Record<string, string>; signal: AbortSignal },
) => Promise<Response>;

// Statuses whose Response must have a null body (fetch spec).
const NULL_BODY = new Set([101, 103, 204, 205, 304]);

function toResponse(res: IncomingMessage, method: string): Response {
  const headers = new Headers();
  const raw = res.rawHeaders;
  for (let i = 0; i + 1 < raw.length; i += 2) {
    try {
      headers.append(raw[i]!, raw[i + 1]!);
    } catch {
      // A malformed header from a messy server is dropped, not fatal.
    }
  }
  const status = res.statusCode ?? 502;
  const hasBody = method !== 'HEAD' && !NULL_BODY.has(status);
  if (!hasBody) res.resume();
  return new Response(hasBody ? (Readable.toWeb(res) as ReadableStream<Uint8Array>) : null, {
    status: status >= 200 && status <= 599 ? status : 502,
    headers,
  });
}

/**
 * Requests for one crawl that can reach public addresses only. The name is resolved once per
 * connection inside the agent's `lookup`, the addresses are checked there, and the socket
 * connects to exactly the address that was checked: a DNS answer that changes between the check
 * and the connection (DNS rebinding) cannot slip a private address in. Every redirect is a new
 * request and goes through the same check. `close()` drops the kept-alive connections.
 */
export function createGuardedRequest(policy: NetworkPolicy = {}): {
  request: GuardedRequest;
  close: () => void;
} {
  const lookup = (hostname: string, options: { all?: boolean }, callback: LookupCallback) => {
    checkedAddresses(hostname, policy).then(
      (addresses) => {
        if (options.all) callback(null, addresses);
        else callback(null, addresses[0]!.address, addresses[0]!.family);
      },
      (error: NodeJS.ErrnoException) => callback(error, []),
    );
  };
  const agentOptions = { keepAlive: true, maxSockets: 16, lookup } as never;
  const httpAgent = new HttpAgent(agentOptions);
  const httpsAgent = new HttpsAgent(agentOptions);

  const request: GuardedRequest = async (url, init) => {
    const target = new URL(url);
    // A literal address never reaches `lookup` (net.connect skips it): check it here.
    if (isIP(bareHost(target.hostname))) await checkedAddresses(target.hostname, policy);
    const isHttps = target.protocol === 'https:';
    return new Promise<Response>((resolve, reject) => {
      const req = (isHttps ? httpsRequest : httpRequest)(
        target,
        {
          method: init.method,
          headers: init.headers,
          agent: isHttps ? httpsAgent : httpAgent,
          lookup: lookup as never,
          signal: init.signal,
        },
        (res) => resolve(toResponse(res, init.method)),
      );
      req.once('error', reject);
      req.end();
    });
  };
  return {
    request,
    close: () => {
      httpAgent.destroy();
      httpsAgent.destroy();
    },
  };
}
