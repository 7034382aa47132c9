import { DateInput, required, type Validator } from "react-admin";
import { notBefore } from "./validators";

/**
 * `validFrom` / `validTo` pair of business dates (`YYYY-MM-DD` strings, which DateInput produces).
 * `validTo` empty means open-ended.
 */
export const ValidityInputs = ({ toRequired = false }: { toRequired?: boolean }) => {
  const toValidators: Validator[] = [notBefore("validFrom")];
  if (toRequired) toValidators.unshift(required());
  return (
    <>
      <DateInput source="validFrom" validate={required()} />
      <DateInput source="validTo" validate={toValidators} />
    </>
  );
};

/** DateTimeInput yields the browser's local "YYYY-MM-DDTHH:mm"; the API's DateTime wants an instant. */
export const toInstant = (value: string | null | undefined) => (value ? new Date(value).toISOString() : null);

/** Today's Asia/Jakarta calendar day, `YYYY-MM-DD` (business dates are Jakarta days). */
export function todayInJakarta(now = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

/** The Asia/Jakarta month, `YYYY-MM`. */
export const currentMonthInJakarta = (now = new Date()): string => todayInJakarta(now).slice(0, 7);
