/** Rupiah, always formatted the Indonesian way (Rp 1.250.000), whatever the UI language. */
const rupiah = new Intl.NumberFormat("id-ID", {
  style: "currency",
  currency: "IDR",
  minimumFractionDigits: 0,
  maximumFractionDigits: 0,
});

export function formatRupiah(value: unknown): string {
  if (value === null || value === undefined || value === "") return "";
  const n = Number(value);
  return Number.isFinite(n) ? rupiah.format(n) : String(value);
}

const intlLocale = (locale: string) => (locale === "id" ? "id-ID" : locale === "en" ? "en-GB" : locale);

/** A business date `YYYY-MM-DD` shown as a calendar day, without any time-zone shift. */
export function formatLocalDate(value: unknown, locale: string): string {
  if (typeof value !== "string" || value === "") return "";
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  if (!m) return value;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: "medium", timeZone: "UTC" }).format(date);
}

/** An instant (ISO string) shown in Asia/Jakarta time. */
export function formatInstant(value: unknown, locale: string): string {
  if (value === null || value === undefined || value === "") return "";
  const date = new Date(String(value));
  if (Number.isNaN(date.getTime())) return String(value);
  return new Intl.DateTimeFormat(intlLocale(locale), {
    dateStyle: "medium",
    timeStyle: "short",
    timeZone: "Asia/Jakarta",
  }).format(date);
}

export function formatDecimal(value: unknown, locale: string, maxFractionDigits = 2): string {
  if (value === null || value === undefined || value === "") return "";
  const n = Number(value);
  return Number.isFinite(n)
    ? new Intl.NumberFormat(intlLocale(locale), { maximumFractionDigits: maxFractionDigits }).format(n)
    : String(value);
}

const compactNumber = new Intl.NumberFormat("id-ID", { notation: "compact", maximumFractionDigits: 1 });

/** Short rupiah for a chart axis: 1,2 jt (juta), 3,4 M (miliar), as the Dinas reads them. */
export const formatCompactRupiah = (value: number): string => compactNumber.format(value);
