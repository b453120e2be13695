import { describe, expect, test } from 'vitest';
import { isPublicAddress } from './address-policy.js';

describe('isPublicAddress', () => {
  test.each([
    ['93.184.215.14', true],
    ['8.8.8.8', true],
    ['2606:4700:4700::1111', true],
    ['127.0.0.1', false], // loopback
    ['127.255.0.9', false],
    ['10.0.0.1', false], // RFC 1918
    ['172.16.5.4', false],
    ['192.168.1.1', false],
    ['100.64.0.1', false], // carrier-grade NAT
    ['169.254.169.254', false], // link-local: cloud metadata
    ['0.0.0.0', false], // unspecified
    ['255.255.255.255', false], // broadcast
    ['224.0.0.1', false], // multicast
    ['192.0.2.1', false], // documentation
    ['198.18.0.1', false], // benchmarking
    ['240.0.0.1', false], // reserved
    ['::1', false],
    ['::', false],
    ['fe80::1', false], // link-local
    ['fe80::1%eth0', false],
    ['fc00::1', false], // unique local
    ['fd12:3456::1', false],
    ['ff02::1', false], // multicast
    ['::ffff:127.0.0.1', false], // IPv4-mapped loopback
    ['::ffff:7f00:1', false],
    ['::ffff:10.0.0.1', false],
    ['::ffff:169.254.169.254', false],
    ['::ffff:8.8.8.8', true], // IPv4-mapped public
    ['::127.0.0.1', false], // IPv4-compatible (deprecated)
    ['64:ff9b::a00:1', false], // NAT64 of 10.0.0.1
    ['2002:7f00:1::', false], // 6to4 of 127.0.0.1
    ['2001:db8::1', false], // documentation
    ['[::1]', false],
    ['not-an-ip', false],
    ['', false],
  ])('%s -> %s', (address, expected) => {
    expect(isPublicAddress(address)).toBe(expected);
  });
});
