/**
 * Pod IPs from a node's pod CIDR. `sequential` is the CNI host-local plugin (kind, flannel): the first free
 * address after the gateway (.1). `random` stands for IPAM that hands out scattered addresses in a block
 * (Calico): a free address drawn from the seeded PRNG. Addresses come back when the sandbox is removed.
 */
import type { SeededRandom } from './seeded-random.ts';

export class IpAllocatorError extends Error {
  override name = 'IpAllocatorError';
}

export type IpAllocation = 'sequential' | 'random';

function parseIPv4(text: string): number {
  const parts = text.split('.');
  if (parts.length !== 4) throw new IpAllocatorError(`not an IPv4 address: ${text}`);
  let n = 0;
  for (const p of parts) {
    const v = Number(p);
    if (!/^\d{1,3}$/.test(p) || v > 255) throw new IpAllocatorError(`not an IPv4 address: ${text}`);
    n = n * 256 + v;
  }
  return n;
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export class IpAllocator {
  readonly cidr: string;
  private readonly first: number;
  private readonly last: number;
  private readonly used = new Set<number>();
  private readonly mode: IpAllocation;
  private readonly rng: SeededRandom;

  constructor(cidr: string, mode: IpAllocation, rng: SeededRandom) {
    const m = /^([\d.]+)\/(\d{1,2})$/.exec(cidr);
    const bits = m ? Number(m[2]) : Number.NaN;
    if (!m || bits < 8 || bits > 30) throw new IpAllocatorError(`pod CIDR must be an IPv4 /8../30 block, got ${cidr}`);
    const size = 2 ** (32 - bits);
    const network = parseIPv4(m[1]!) - (parseIPv4(m[1]!) % size);
    this.cidr = cidr;
    this.first = network + 2; // .0 is the network, .1 the bridge/gateway
    this.last = network + size - 2; // the last address is the broadcast address
    this.mode = mode;
    this.rng = rng;
  }

  allocate(): string {
    const count = this.last - this.first + 1;
    if (this.used.size >= count) throw new IpAllocatorError(`no free address left in ${this.cidr}`);
    let ip = this.first;
    if (this.mode === 'random') {
      do ip = this.first + this.rng.int(count);
      while (this.used.has(ip));
    } else {
      while (this.used.has(ip)) ip++;
    }
    this.used.add(ip);
    return formatIPv4(ip);
  }

  release(ip: string): void {
    this.used.delete(parseIPv4(ip));
  }
}
