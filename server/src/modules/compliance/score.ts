import { registerDecorator, type ValidationArguments } from "class-validator";

/**
 * Compliance scores have exactly two decimals (0,00-100,00). They are stored as integer hundredths
 * and exposed as GraphQL Float. That is exact: the API accepts only numbers that are the double
 * nearest to some n/100, and it answers n / 100, one correctly rounded division, which is that same
 * double, so JSON carries `73.02` both ways and every sum, difference and average is done on integers.
 */
export const MAX_SCORE_HUNDREDTHS = 100_00;

export function hasAtMostTwoDecimals(value: number): boolean {
  return Number.isFinite(value) && Math.round(value * 100) / 100 === value;
}

/** A validated score (or threshold) to integer hundredths. */
export function toHundredths(score: number): number {
  const hundredths = Math.round(score * 100);
  return hundredths === 0 ? 0 : hundredths; // no -0
}

export function fromHundredths(hundredths: number): number;
export function fromHundredths(hundredths: number | null): number | null;
export function fromHundredths(hundredths: number | null): number | null {
  return hundredths === null ? null : hundredths / 100;
}

/** sum / count rounded half up to whole hundredths, on integers (sum and count are non-negative). */
export function averageHalfUp(sumHundredths: number, count: number): number {
  return Math.floor((2 * sumHundredths + count) / (2 * count));
}

/** Why `value` is not a score, or null when it is one. */
export function scoreProblem(value: unknown): string | null {
  if (typeof value !== "number" || !Number.isFinite(value)) return "must be a number";
  if (value < 0 || value > 100) return "must be between 0 and 100";
  if (!hasAtMostTwoDecimals(value)) return "must have at most two decimals (e.g. 73.02)";
  return null;
}

/** class-validator: a score from 0 to 100 with at most two decimals; null/undefined pass (add IsOptional or IsDefined). */
export function IsScore(): PropertyDecorator {
  return (target, propertyName) => {
    registerDecorator({
      name: "isScore",
      target: target.constructor,
      propertyName: String(propertyName),
      validator: {
        validate: (value: unknown) => value === null || value === undefined || scoreProblem(value) === null,
        defaultMessage: (args?: ValidationArguments) => `${args?.property} ${scoreProblem(args?.value)}`,
      },
    });
  };
}
