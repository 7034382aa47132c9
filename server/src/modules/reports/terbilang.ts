/**
 * Amounts of rupiah in Indonesian words (terbilang), as printed next to the figure on SKRD, receipts
 * and deposit slips so that the amount cannot be altered by adding a digit.
 */

const ONES = ["", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh", "delapan", "sembilan"] as const;

/** One word per group of three digits, lowest first; index 1 is "ribu", which has its own "seribu" form. */
const SCALES = ["", "ribu", "juta", "miliar", "triliun", "kuadriliun"] as const;

/** The largest amount that still has a scale word: 999 kuadriliun 999 triliun ... 999. */
export const TERBILANG_MAX = 10n ** BigInt(3 * SCALES.length) - 1n;

const RANGE_MESSAGE = `terbilang needs a whole number of rupiah from 0 to ${TERBILANG_MAX.toString()}`;

/** Words for 1-999; empty for 0, because a zero group is simply left out of a larger amount. */
function belowThousand(n: number): string[] {
  const words: string[] = [];
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (hundreds === 1) words.push("seratus");
  else if (hundreds > 1) words.push(ONES[hundreds], "ratus");

  if (rest === 10) words.push("sepuluh");
  else if (rest === 11) words.push("sebelas");
  else if (rest > 11 && rest < 20) words.push(ONES[rest - 10], "belas");
  else {
    const tens = Math.floor(rest / 10);
    const ones = rest % 10;
    if (tens === 1) words.push("sepuluh");
    else if (tens > 1) words.push(ONES[tens], "puluh");
    if (ones > 0) words.push(ONES[ones]);
  }
  return words;
}

/**
 * Validates before converting: a number above Number.MAX_SAFE_INTEGER has already lost its last
 * digits, and spelling out a rounded amount on an official document would be worse than failing.
 */
function toAmount(n: number | bigint): bigint {
  if (typeof n === "bigint") {
    if (n < 0n || n > TERBILANG_MAX) throw new RangeError(`${RANGE_MESSAGE}, got ${n.toString()}`);
    return n;
  }
  if (typeof n !== "number" || !Number.isInteger(n) || n < 0) throw new RangeError(`${RANGE_MESSAGE}, got ${String(n)}`);
  if (!Number.isSafeInteger(n)) {
    throw new RangeError(`${RANGE_MESSAGE}, got ${String(n)} (amounts above Number.MAX_SAFE_INTEGER must be passed as a bigint)`);
  }
  return BigInt(n);
}

/** An amount of rupiah in Indonesian words, as written on official documents (terbilang). */
export function terbilang(n: number | bigint): string {
  let rest = toAmount(n);
  if (rest === 0n) return "nol";

  const groups: string[][] = [];
  for (let scale = 0; rest > 0n; scale++, rest /= 1000n) {
    const group = Number(rest % 1000n);
    if (group === 0) continue;
    // Only the thousands contract ("seribu"); a million is always "satu juta", never "sejuta".
    if (scale === 1 && group === 1) groups.push(["seribu"]);
    else groups.push(scale === 0 ? belowThousand(group) : [...belowThousand(group), SCALES[scale]]);
  }
  return groups.reverse().flat().join(" ");
}

/** The amount in words followed by "rupiah", e.g. "satu juta dua ratus lima puluh ribu rupiah". */
export function terbilangRupiah(n: number | bigint): string {
  return `${terbilang(n)} rupiah`;
}

/** Upper-cases the first letter only, since documents print "Satu juta ... rupiah" as a sentence. */
export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
