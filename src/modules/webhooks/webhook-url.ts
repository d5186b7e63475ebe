import { lookup as dnsLookup } from 'node:dns/promises';
import { BlockList, isIP, type LookupFunction } from 'node:net';

// Where a webhook may point, against server-side request forgery: https only, and never a host that
// resolves to an address inside a network (private, loopback, link-local, unique-local, CGNAT), a
// multicast group or the unspecified address — IPv4 and IPv6, IPv4-mapped IPv6 read as the IPv4 it
// carries. Every address the name resolves to must be public; the check runs at registration and again
// at every delivery, and the delivery connects to the very address checked (`pinnedLookup`), so a
// name that changes its answer in between (DNS rebinding) gains nothing.
// WEBHOOKS_ALLOW_PRIVATE=true (development and tests) lifts both rules.

// Two lists: Node's BlockList also matches an IPv4 address against IPv6 rules of the mapped range, so one
// list holding ::ffff:0:0/96 would refuse every IPv4 address.
const refusedIpv4 = new BlockList();
const refusedIpv6 = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8], // "this network", the unspecified address
  ['10.0.0.0', 8], // private
  ['100.64.0.0', 10], // carrier-grade NAT
  ['127.0.0.0', 8], // loopback
  ['169.254.0.0', 16], // link-local (cloud metadata services live here)
  ['172.16.0.0', 12], // private
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // documentation
  ['192.168.0.0', 16], // private
  ['198.18.0.0', 15], // benchmarking
  ['198.51.100.0', 24], // documentation
  ['203.0.113.0', 24], // documentation
  ['224.0.0.0', 4], // multicast
  ['240.0.0.0', 4], // reserved, and the broadcast address
] as const) {
  refusedIpv4.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 96], // the unspecified address, loopback (::1) and the old IPv4-compatible addresses
  ['::ffff:0:0', 96], // IPv4-mapped (an allowed IPv4 is checked as IPv4 before it gets here)
  ['64:ff9b::', 96], // NAT64: would reach an IPv4 address through the translator
  ['100::', 64], // discard
  ['2001:db8::', 32], // documentation
  ['fc00::', 7], // unique-local
  ['fe80::', 10], // link-local
  ['fec0::', 10], // site-local (deprecated)
  ['ff00::', 8], // multicast
] as const) {
  refusedIpv6.addSubnet(network, prefix, 'ipv6');
}

/** The IPv4 address an IPv4-mapped IPv6 address carries (::ffff:7f00:1 or ::ffff:127.0.0.1), else null. */
function mappedIpv4(address: string): string | null {
  // The URL parser writes IPv6 in its canonical compressed form: ::ffff:7f00:1.
  const canonical = new URL(`http://[${address}]/`).hostname.slice(1, -1);
  const match = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(canonical);
  if (!match) return null;
  const high = parseInt(match[1]!, 16);
  const low = parseInt(match[2]!, 16);
  return [high >> 8, high & 255, low >> 8, low & 255].join('.');
}

/** Whether a webhook may be sent to this IP address (public unicast only). */
export function isPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) return !refusedIpv4.check(address, 'ipv4');
  if (family !== 6) return false;
  const ipv4 = mappedIpv4(address);
  if (ipv4 !== null) return !refusedIpv4.check(ipv4, 'ipv4');
  return !refusedIpv6.check(address, 'ipv6');
}

/** A name that does not resolve within this long is taken as unresolvable (a mutation never hangs on DNS). */
const LOOKUP_TIMEOUT_MS = 5_000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('DNS lookup timed out')), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Why a URL is refused: the message key of the user error. */
export type UrlProblem =
  | 'webhooks.urlInvalid'
  | 'webhooks.urlNotHttps'
  | 'webhooks.urlCredentials'
  | 'webhooks.urlUnresolvable'
  | 'webhooks.urlPrivateAddress';

export interface ParsedWebhookUrl {
  url: URL;
  /** The host as DNS or an IP literal takes it (IPv6 without its brackets). */
  host: string;
}

/** The URL's form: absolute, https (or http when private ones are allowed), no user name or password. */
export function parseWebhookUrl(raw: string, allowPrivate: boolean): ParsedWebhookUrl | UrlProblem {
  let url: URL;
  try {
    url = new URL(raw.trim());
  } catch {
    return 'webhooks.urlInvalid';
  }
  if (url.protocol !== 'https:' && !(allowPrivate && url.protocol === 'http:')) return 'webhooks.urlNotHttps';
  if (url.username || url.password) return 'webhooks.urlCredentials';
  if (!url.hostname) return 'webhooks.urlInvalid';
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return { url, host };
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}

/**
 * Every address the host resolves to (an IP literal is its own), checked: the addresses to connect to,
 * or why not. With private addresses allowed, only that it resolves.
 */
export async function resolvePublicAddresses(
  host: string,
  allowPrivate: boolean,
): Promise<ResolvedAddress[] | UrlProblem> {
  let addresses: { address: string; family: number }[];
  const literal = isIP(host);
  if (literal) {
    addresses = [{ address: host, family: literal }];
  } else {
    try {
      addresses = await withTimeout(dnsLookup(host, { all: true, verbatim: true }), LOOKUP_TIMEOUT_MS);
    } catch {
      return 'webhooks.urlUnresolvable';
    }
  }
  if (addresses.length === 0) return 'webhooks.urlUnresolvable';
  if (!allowPrivate && addresses.some((entry) => !isPublicAddress(entry.address))) {
    return 'webhooks.urlPrivateAddress';
  }
  return addresses.map((entry) => ({ address: entry.address, family: entry.family === 6 ? 6 : 4 }));
}

/**
 * A `lookup` for http(s).request that answers the addresses already checked, never asking DNS again:
 * all of them when the socket tries each in turn (Node's autoSelectFamily), else the first.
 */
export function pinnedLookup(addresses: readonly ResolvedAddress[]): LookupFunction {
  return (_hostname, options, callback) => {
    const wanted =
      options.family === 4 || options.family === 6 ? addresses.filter((a) => a.family === options.family) : addresses;
    const usable = wanted.length > 0 ? wanted : addresses;
    if (options.all)
      callback(
        null,
        usable.map((a) => ({ address: a.address, family: a.family })),
      );
    else callback(null, usable[0]!.address, usable[0]!.family);
  };
}

/** A URL checked in full (form and every address): the parsed URL, or why it is refused. */
export async function checkWebhookUrl(raw: string, allowPrivate: boolean): Promise<ParsedWebhookUrl | UrlProblem> {
  const parsed = parseWebhookUrl(raw, allowPrivate);
  if (typeof parsed === 'string') return parsed;
  const resolved = await resolvePublicAddresses(parsed.host, allowPrivate);
  return typeof resolved === 'string' ? resolved : parsed;
}
