/**
 * A bijection on 32-bit integers that looks random: xor with a key, then xor-shift and
 * multiply-by-odd steps, each of which is invertible. Distinct inputs therefore always give
 * distinct outputs, which is what makes transaction numbers unique without remembering them.
 */
export function mix32(value: number, key: number): number {
  let x = (value ^ key) >>> 0;
  x = Math.imul(x ^ (x >>> 16), 0x7feb352d);
  x = Math.imul(x ^ (x >>> 15), 0x846ca68b);
  return (x ^ (x >>> 16)) >>> 0;
}
