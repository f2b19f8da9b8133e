/** MurmurHash3 x86 32-bit, seed 0 unless given: the hash the Iceberg spec fixes for bucket[N]. */
export function murmur3x86_32(bytes: Uint8Array, seed = 0): number {
  const c1 = 0xcc9e2d51;
  const c2 = 0x1b873593;
  let h = seed | 0;
  const n = bytes.length;
  const blocks = n & ~3;
  const at = (i: number): number => bytes[i] ?? 0;
  for (let i = 0; i < blocks; i += 4) {
    let k = at(i) | (at(i + 1) << 8) | (at(i + 2) << 16) | (at(i + 3) << 24);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
    h = (h << 13) | (h >>> 19);
    h = (Math.imul(h, 5) + 0xe6546b64) | 0;
  }
  let k = 0;
  const rest = n & 3;
  if (rest === 3) k ^= at(blocks + 2) << 16;
  if (rest >= 2) k ^= at(blocks + 1) << 8;
  if (rest >= 1) {
    k ^= at(blocks);
    k = Math.imul(k, c1);
    k = (k << 15) | (k >>> 17);
    k = Math.imul(k, c2);
    h ^= k;
  }
  h ^= n;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}
