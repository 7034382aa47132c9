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
