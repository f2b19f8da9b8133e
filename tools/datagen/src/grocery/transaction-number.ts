import { mix32 } from '../random/mix32.js';
import { SeededRandom } from '../random/seeded-random.js';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const PAIR_COUNT = 36 * 36;
// Two characters per lookup: a sales file needs millions of these, and one lookup per pair of
// characters halves the string concatenations.
const PAIRS: readonly string[] = Array.from({ length: PAIR_COUNT }, (_, i) => ALPHABET[Math.floor(i / 36)]! + ALPHABET[i % 36]!);

export const TRANSACTION_NUMBER_LENGTH = 18;

/**
 * Point-of-sale transaction numbers: 18 upper-case alphanumeric characters, a pure function of
 * the seed and the SalesID. Seven of the characters encode a bijection of the SalesID, so two
 * sales never share a number — also across `--append-day` runs, which continue the SalesIDs —
 * without keeping every number issued so far. SalesIDs must stay below 2^32.
 */
export class TransactionNumbers {
  private readonly uniqueKey: number;
  private readonly fillKeyA: number;
  private readonly fillKeyB: number;

  constructor(seed: number) {
    const keys = new SeededRandom(seed, 'transaction-number');
    this.uniqueKey = keys.nextUint32();
    this.fillKeyA = keys.nextUint32();
    this.fillKeyB = keys.nextUint32();
  }

  forSale(salesId: number): string {
    const unique = mix32(salesId, this.uniqueKey);
    const fillA = mix32(salesId, this.fillKeyA);
    const fillB = mix32(salesId, this.fillKeyB);
    const u0 = unique % PAIR_COUNT;
    const u1 = Math.floor(unique / PAIR_COUNT) % PAIR_COUNT;
    const u2 = Math.floor(unique / (PAIR_COUNT * PAIR_COUNT)) % PAIR_COUNT;
    // 2^32 / 1296^3 < 2: the top "digit" is 0 or 1; spreading it over 18 letters each keeps
    // the encoding invertible while the character still looks random
    const top = Math.floor(unique / (PAIR_COUNT * PAIR_COUNT * PAIR_COUNT));
    const topChar = ALPHABET[top * 18 + (fillB % 18)]!;
    return (
      PAIRS[u0]! +
      PAIRS[fillA % PAIR_COUNT]! +
      PAIRS[u1]! +
      PAIRS[fillB % PAIR_COUNT]! +
      PAIRS[u2]! +
      PAIRS[Math.floor(fillA / PAIR_COUNT) % PAIR_COUNT]! +
      topChar +
      PAIRS[Math.floor(fillB / PAIR_COUNT) % PAIR_COUNT]! +
      PAIRS[Math.floor(fillA / (PAIR_COUNT * PAIR_COUNT)) % PAIR_COUNT]! +
      ALPHABET[Math.floor(fillB / (PAIR_COUNT * PAIR_COUNT)) % 36]!
    );
  }
}
