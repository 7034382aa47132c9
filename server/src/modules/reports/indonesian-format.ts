/**
 * Indonesian number and date text for printed reports. Written by hand rather than with
 * Intl "id-ID": ICU versions differ between Node builds (a non-breaking space after "Rp", "Nov" or
 * "November"), and a printed report must read the same on every server.
 */

export const INDONESIAN_MONTHS = [
  "Januari",
  "Februari",
  "Maret",
  "April",
  "Mei",
  "Juni",
  "Juli",
  "Agustus",
  "September",
  "Oktober",
  "November",
  "Desember",
] as const;

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const YEAR_MONTH = /^(\d{4})-(\d{2})$/;

function monthName(month: number, input: string): string {
  const name = INDONESIAN_MONTHS[month - 1];
  if (name === undefined) throw new RangeError(`not a month: ${input}`);
  return name;
}

/** "2026-11-22" -> "22 November 2026"; the day has no leading zero, as in typed letters. */
export function formatIndonesianDate(localDate: string): string {
  const match = LOCAL_DATE.exec(localDate);
  if (!match) throw new RangeError(`not a YYYY-MM-DD date: ${localDate}`);
  const day = Number(match[3]);
  if (day < 1 || day > 31) throw new RangeError(`not a day of the month: ${localDate}`);
  return `${day} ${monthName(Number(match[2]), localDate)} ${match[1]}`;
}

/** "2026-11" -> "November 2026" */
export function formatIndonesianMonth(yearMonth: string): string {
  const match = YEAR_MONTH.exec(yearMonth);
  if (!match) throw new RangeError(`not a YYYY-MM month: ${yearMonth}`);
  return `${monthName(Number(match[2]), yearMonth)} ${match[1]}`;
}

/** Digits of a non-negative whole number grouped by dots: 1250000 -> "1.250.000". */
function groupThousands(digits: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ".");
}

function requireSafeInteger(value: number, what: string): void {
  // Money is whole rupiah everywhere (DESIGN.md); a fraction here means a bug upstream, not a value to round.
  if (!Number.isSafeInteger(value)) throw new RangeError(`${what} must be a safe integer, got ${value}`);
}

/** 12345 -> "12.345", -12345 -> "-12.345" */
export function formatInteger(value: number): string {
  requireSafeInteger(value, "integer");
  const sign = value < 0 ? "-" : "";
  return sign + groupThousands(Math.abs(value).toString());
}

/** 1250000 -> "Rp1.250.000", -1250 -> "-Rp1.250" */
export function formatRupiahText(rupiah: number): string {
  requireSafeInteger(rupiah, "rupiah");
  const sign = rupiah < 0 ? "-" : "";
  return `${sign}Rp${groupThousands(Math.abs(rupiah).toString())}`;
}

/** 0.1234 -> "12,34 %" (two decimals, comma, a space before the sign as in Indonesian typesetting) */
export function formatPercentText(fraction: number): string {
  if (!Number.isFinite(fraction)) throw new RangeError(`percent must be finite, got ${fraction}`);
  // Rounded in hundredths of a percent so that 0.1234 does not print as 12,339999 %.
  const hundredths = Math.round(Math.abs(fraction) * 10000);
  const sign = fraction < 0 && hundredths !== 0 ? "-" : "";
  const whole = groupThousands(Math.floor(hundredths / 100).toString());
  const decimals = (hundredths % 100).toString().padStart(2, "0");
  return `${sign}${whole},${decimals} %`;
}
