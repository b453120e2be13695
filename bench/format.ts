import type { ClassLatency } from './job.js';

/** Number formats shared by the report tables. */
export function ratio(fn: ClassLatency, peer: ClassLatency | undefined): string {
  if (!peer || peer.p50 <= 0) return '–';
  const r = fn.p50 / peer.p50;
  return `${r < 0.1 ? r.toFixed(3) : r.toFixed(2)}×`;
}

export function ms(x: number | undefined): string {
  if (x === undefined || Number.isNaN(x)) return '–';
  return x < 1 ? x.toFixed(2) : x < 100 ? x.toFixed(1) : x.toFixed(0);
}

export function seconds(x: number | undefined): string {
  if (x === undefined) return '–';
  return x < 10 ? x.toFixed(2) : x.toFixed(1);
}

export function num(x: number | undefined): string {
  return x === undefined ? '–' : x.toFixed(0);
}

