import { unwrapResolverError } from "@apollo/server/errors";
import type { GraphQLFormattedError } from "graphql";
import type { ValidationError } from "class-validator";
import { ArgumentValidationError } from "type-graphql";
import type { Logger } from "pino";
import { fieldErrorsOf } from "../common/validation";

const PASS_THROUGH = new Set([
  "UNAUTHENTICATED", "FORBIDDEN", "BAD_USER_INPUT", "NOT_FOUND", "CONFLICT", "RATE_LIMITED",
  "GRAPHQL_PARSE_FAILED", "GRAPHQL_VALIDATION_FAILED", "BAD_REQUEST", "PERSISTED_QUERY_NOT_FOUND", "OPERATION_RESOLUTION_FAILURE",
]);

/**
 * What a client sees of an error: our own codes and messages, never a stack trace or SQL.
 * Anything unexpected becomes INTERNAL_SERVER_ERROR with the request id, and is logged in full.
 */
export function createErrorFormatter(logger: Logger) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const base = { message: formatted.message, locations: formatted.locations, path: formatted.path };
    if (original instanceof ArgumentValidationError) {
      const fields = fieldErrorsOf((original.extensions.validationErrors ?? []) as ValidationError[]);
      const message = Object.entries(fields).map(([f, m]) => `${f}: ${m}`).join("; ") || "Invalid input";
      return { ...base, message, extensions: { code: "BAD_USER_INPUT", fields } };
    }
    const code = String(formatted.extensions?.code ?? "");
    if (code === "UNAUTHORIZED") return { ...base, extensions: { code: "FORBIDDEN" } };
    if (PASS_THROUGH.has(code)) {
      const { stacktrace: _omit, ...extensions } = formatted.extensions ?? {};
      return { ...base, extensions };
    }
    logger.error({ err: original }, "unexpected error in GraphQL request");
    return { ...base, message: "Internal server error", extensions: { code: "INTERNAL_SERVER_ERROR" } };
  };
}
