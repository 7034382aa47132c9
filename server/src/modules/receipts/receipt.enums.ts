import { registerEnumType } from "type-graphql";

export enum DailyReportStatus {
  SUBMITTED = "SUBMITTED",
  REJECTED = "REJECTED",
}
registerEnumType(DailyReportStatus, {
  name: "DailyReportStatus",
  description: "SUBMITTED reports count; a REJECTED one stays visible but no longer counts.",
});

export enum DepositStatus {
  PENDING = "PENDING",
  VERIFIED = "VERIFIED",
  REJECTED = "REJECTED",
}
registerEnumType(DepositStatus, {
  name: "DepositStatus",
  description: "A deposit waits for the treasurer (PENDING); VERIFIED deposits are realised revenue.",
});
