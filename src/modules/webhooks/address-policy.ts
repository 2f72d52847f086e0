import { lookup } from 'node:dns';
import { promises as dns } from 'node:dns';
import net from 'node:net';
import { AppError } from '../../errors.ts';

/**
 * Where webhooks may go (no server-side request forgery): only to public addresses — never loopback,
 * private networks, link-local (cloud metadata at 169.254.169.254), carrier-grade NAT, multicast or
 * reserved ranges — and only over https in production. A name is resolved and every address it
 * resolves to must be public, when the endpoint is saved and again at each delivery, on the very
 * address the request then connects to (so a DNS answer that changes in between cannot redirect it).
 * `WEBHOOK_ALLOW_PRIVATE=true` lifts the address rule (tests, a receiver on the same network).
 */
export interface AddressPolicy {
  allowPrivate: boolean;
  httpsOnly: boolean;
}

const blocked = new net.BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.88.99.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24],
  ['203.0.113.0', 24], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 128], ['::1', 128], ['64:ff9b::', 96], ['64:ff9b:1::', 48], ['100::', 64], ['2001::', 23], ['2001:db8::', 32],
  ['2002::', 16], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8],
] as const) blocked.addSubnet(network, prefix, 'ipv6');

/** Whether `address` (IPv4 or IPv6, IPv4-mapped included) is outside the public internet. */
export function isPrivateAddress(address: string): boolean {
  const family = net.isIP(address);
  if (family === 0) return true;
  if (family === 6) {
    const mapped = /^::ffff:(?:0:)?(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
    if (mapped) return isPrivateAddress(mapped[1]);
    const hexMapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(address);
    if (hexMapped) {
      const [hi, lo] = [parseInt(hexMapped[1], 16), parseInt(hexMapped[2], 16)];
      return isPrivateAddress(`${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`);
    }
    return blocked.check(address, 'ipv6');
  }
  return blocked.check(address, 'ipv4');
}

/** How to let webhooks reach a receiver on your own network (tests, an ERP beside the shop). */
const ALLOW_PRIVATE_HINT = '; to send webhooks to your own network, set WEBHOOK_ALLOW_PRIVATE=true';

export class BlockedAddressError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'BlockedAddressError';
  }
}

function hostOf(url: URL): string {
  return url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
}

/** The URL's problem under the policy, without DNS (scheme, credentials, a literal address): null when none. */
export function urlProblem(raw: string, policy: AddressPolicy): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'not a valid URL';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'only http and https URLs can receive webhooks';
  if (policy.httpsOnly && url.protocol !== 'https:') return 'webhook URLs must be https in production';
  if (url.username || url.password) return 'credentials in the URL are not allowed; verify the signature instead';
  const host = hostOf(url);
  if (net.isIP(host) && !policy.allowPrivate && isPrivateAddress(host)) return `${host} is a private, loopback or reserved address${ALLOW_PRIVATE_HINT}`;
  return null;
}

/**
 * Checks a URL before an endpoint is saved: its scheme, and every address its host resolves to.
 * Refuses with 400 webhook_url_not_allowed naming the reason.
 */
export async function assertWebhookUrlAllowed(raw: string, policy: AddressPolicy, field = 'body.url'): Promise<void> {
  const problem = urlProblem(raw, policy);
  if (problem) throw new AppError('webhook_url_not_allowed', { field, reason: problem });
  if (policy.allowPrivate) return;
  const host = hostOf(new URL(raw));
  if (net.isIP(host)) return;
  let addresses: { address: string }[];
  try {
    addresses = await dns.lookup(host, { all: true, verbatim: true });
  } catch {
    throw new AppError('webhook_url_not_allowed', { field, reason: `${host} does not resolve` });
  }
  const bad = addresses.find((a) => isPrivateAddress(a.address));
  if (bad) {
    throw new AppError('webhook_url_not_allowed', { field, reason: `${host} resolves to ${bad.address}, a private, loopback or reserved address${ALLOW_PRIVATE_HINT}` });
  }
}

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | { address: string; family: number }[], family?: number) => void;

/**
 * A `lookup` for http.request that resolves the name and refuses the connection unless every address
 * is allowed: the socket then connects to an address this function checked.
 */
export function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: { all?: boolean; family?: number | string }, callback: LookupCallback): void => {
    lookup(hostname, { all: true, verbatim: true }, (error, addresses) => {
      if (error) return callback(error, '');
      const list = addresses as { address: string; family: number }[];
      const bad = policy.allowPrivate ? undefined : list.find((a) => isPrivateAddress(a.address));
      if (bad || list.length === 0) {
        return callback(new BlockedAddressError(bad ? `${hostname} resolves to ${bad.address}, a private, loopback or reserved address${ALLOW_PRIVATE_HINT}` : `${hostname} does not resolve`), '');
      }
      if (options.all) return callback(null, list);
      callback(null, list[0].address, list[0].family);
    });
  };
}
