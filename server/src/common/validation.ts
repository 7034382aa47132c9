import { validate, type ValidationError } from "class-validator";
import { badInput, type FieldErrors } from "./errors";

function collect(errors: ValidationError[], prefix: string, into: FieldErrors): FieldErrors {
  for (const error of errors) {
    const path = prefix ? `${prefix}.${error.property}` : error.property;
    const first = error.constraints ? Object.values(error.constraints)[0] : undefined;
    if (first && !(path in into)) into[path] = first;
    if (error.children?.length) collect(error.children, path, into);
  }
  return into;
}

export function fieldErrorsOf(errors: ValidationError[]): FieldErrors {
  return collect(errors, "", {});
}

/** Validates a class-validator decorated object and throws BAD_USER_INPUT naming every bad field. */
export async function assertValid(value: object, prefix = ""): Promise<void> {
  const errors = await validate(value, { forbidUnknownValues: false, validationError: { target: false } });
  if (errors.length) throw badInput(collect(errors, prefix, {}));
}
