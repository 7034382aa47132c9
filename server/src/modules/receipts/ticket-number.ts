/**
 * A karcis number as printed: a series (letters, digits, dashes) followed by the ticket's number,
 * e.g. "PBC-A 000123", "PBC-A-000123" or "PBC-A/123". The series is kept upper-case.
 */
export interface TicketNumber {
  series: string;
  number: number;
}

const TICKET = /^([A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?)[\s/.-]+(\d{1,9})$/;

export function parseTicketNumber(raw: string): TicketNumber | null {
  const match = TICKET.exec(raw.trim());
  if (!match || match[1].length > 20) return null;
  return { series: match[1].toUpperCase(), number: Number(match[2]) };
}

export function formatTicketNumber(t: TicketNumber): string {
  return `${t.series} ${String(t.number).padStart(6, "0")}`;
}
