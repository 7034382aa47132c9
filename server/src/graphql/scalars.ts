/**
 * The scalars of the API, re-exported so that modules name them in one way:
 * money is `SafeInt` (GraphQL Int is 32-bit and overflows at Rp2,1 miliar), business dates are
 * `LocalDate` (Asia/Jakarta calendar days, YYYY-MM-DD), instants are `DateTime` (UTC).
 */
export {
  SafeIntResolver as SafeInt,
  LocalDateResolver as LocalDate,
  DateTimeResolver as DateTime,
} from "graphql-scalars";

/** A JSON object kept as the sender wrote it (a payment channel's raw notification). */
export { JSONObjectResolver as JSONObject } from "graphql-scalars";
