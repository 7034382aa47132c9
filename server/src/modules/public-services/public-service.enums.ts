import { registerEnumType } from "type-graphql";

export enum AgencyKind {
  DINAS = "DINAS",
  BADAN = "BADAN",
  KECAMATAN = "KECAMATAN",
  PUSKESMAS = "PUSKESMAS",
  RSUD = "RSUD",
  SECRETARIAT = "SECRETARIAT",
  VERTICAL = "VERTICAL",
  BUMD = "BUMD",
  BANK = "BANK",
  OTHER = "OTHER",
}

export enum TimeUnit {
  MINUTES = "MINUTES",
  HOURS = "HOURS",
  DAYS = "DAYS",
  WORKING_DAYS = "WORKING_DAYS",
}

registerEnumType(AgencyKind, { name: "AgencyKind", description: "What kind of institution an agency is: regional (dinas, badan, ...), vertical or partner." });
registerEnumType(TimeUnit, { name: "TimeUnit" });
