import ipaddr from 'ipaddr.js';

/**
 * Which network addresses a fetch may reach. Only public unicast addresses are; loopback,
 * private, link-local (the cloud metadata address 169.254.169.254 among them), unique-local,
 * multicast, broadcast, unspecified, carrier-grade NAT and the reserved and translation ranges
 * are not, so that a user who can run /add cannot make the bot read the machine's own services.
 * An IPv4-mapped IPv6 address (::ffff:127.0.0.1) is judged as the IPv4 address it carries.
 */

/** Why `address` may not be fetched from, or null when it is a public address. */
export function refusedAddress(address: string): string | null {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
  } catch {
    return `not an IP address (${address})`;
  }
  if (parsed.kind() === 'ipv6' && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) {
    parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  }
  const range = parsed.range();
  return range === 'unicast' ? null : `${RANGE_NAMES[range] ?? `${range} (not public)`} address ${parsed.toString()}`;
}

const RANGE_NAMES: Record<string, string> = {
  loopback: 'a loopback',
  private: 'a private',
  linkLocal: 'a link-local',
  uniqueLocal: 'a private (unique local)',
  multicast: 'a multicast',
  broadcast: 'a broadcast',
  unspecified: 'an unspecified',
  carrierGradeNat: 'a carrier-grade NAT',
  reserved: 'a reserved',
  rfc6052: 'a NAT64',
  '6to4': 'a 6to4',
  teredo: 'a Teredo',
  benchmarking: 'a benchmarking',
  amt: 'an AMT',
  as112: 'an AS112',
  orchid2: 'an ORCHIDv2',
  droneRemoteIdProtocolEntityTags: 'a reserved',
};
