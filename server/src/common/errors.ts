import { GraphQLError } from "graphql";

/** The error codes clients may rely on (DESIGN.md, GraphQL conventions). */
export type ErrorCode =
  | "UNAUTHENTICATED"
  | "FORBIDDEN"
  | "BAD_USER_INPUT"
  | "NOT_FOUND"
  | "CONFLICT"
  | "RATE_LIMITED"
  | "INTERNAL_SERVER_ERROR";

/** A field path (e.g. `validTo`, `receipts.3.amount`) and what is wrong with it. */
export type FieldErrors = Record<string, string>;

export class AppError extends GraphQLError {
  constructor(code: ErrorCode, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { extensions: { ...extensions, code } });
  }
}

export const unauthenticated = (message = "You must sign in first") => new AppError("UNAUTHENTICATED", message);
export const forbidden = (message = "You are not allowed to do this") => new AppError("FORBIDDEN", message);
export const notFound = (what: string, id: string | number) => new AppError("NOT_FOUND", `${what} ${id} does not exist`);
export const conflict = (message: string) => new AppError("CONFLICT", message);
export const rateLimited = (message: string, retryAfterSeconds: number) =>
  new AppError("RATE_LIMITED", message, { retryAfterSeconds });

export function badInput(fields: FieldErrors, message?: string): AppError {
  const summary = message ?? Object.entries(fields).map(([field, problem]) => `${field}: ${problem}`).join("; ");
  return new AppError("BAD_USER_INPUT", summary || "Invalid input", { fields });
}
