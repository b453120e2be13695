import ipaddr from 'ipaddr.js';

/**
 * True only for a publicly routable unicast address, the only kind footnote fetches user-supplied
 * URLs from. Refused, via ipaddr.js's range(): loopback, RFC 1918 private, carrier-grade NAT
 * (100.64/10), link-local (169.254/16 including the 169.254.169.254 cloud metadata address,
 * fe80::/10), unique-local (fc00::/7), unspecified, broadcast, multicast, reserved and
 * documentation ranges, NAT64/6to4/Teredo (they embed IPv4 addresses); IPv4-mapped IPv6
 * (::ffff:127.0.0.1) is judged as the IPv4 address it maps. Beyond range(): IPv6 must be in global
 * unicast 2000::/3, and the deprecated IPv4-compatible ::/96 is refused. Unparseable means refused.
 */
export function isPublicAddress(address: string): boolean {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = ipaddr.process(address.replace(/^\[|\]$/g, ''));
  } catch {
    return false;
  }
  if (parsed.range() !== 'unicast') {
    return false;
  }
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    return v6.match(GLOBAL_UNICAST) && !v6.match(IPV4_COMPATIBLE);
  }
  return true;
}

const GLOBAL_UNICAST = ipaddr.IPv6.parseCIDR('2000::/3');
const IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR('::/96');
