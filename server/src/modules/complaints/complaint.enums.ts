import { registerEnumType } from "type-graphql";

/** Where a report reached SP4N-LAPOR! or the regency. */
export enum ComplaintChannel {
  WEBSITE = "WEBSITE",
  SMS = "SMS",
  MOBILE_APP = "MOBILE_APP",
  SOCIAL_MEDIA = "SOCIAL_MEDIA",
  WHATSAPP = "WHATSAPP",
  WALK_IN = "WALK_IN",
  LETTER = "LETTER",
}

/** SP4N-LAPOR!'s three kinds of report: aspirasi, pengaduan, permintaan informasi. */
export enum ComplaintClassification {
  ASPIRASI = "ASPIRASI",
  PENGADUAN = "PENGADUAN",
  PERMINTAAN_INFORMASI = "PERMINTAAN_INFORMASI",
}

export enum ComplaintStatus {
  RECEIVED = "RECEIVED",
  VERIFIED = "VERIFIED",
  DISPOSED = "DISPOSED",
  IN_PROGRESS = "IN_PROGRESS",
  RESOLVED = "RESOLVED",
  DEFERRED = "DEFERRED",
  NOT_OUR_AUTHORITY = "NOT_OUR_AUTHORITY",
  ARCHIVED = "ARCHIVED",
}

/** Topics a complaint is tagged with; PUNGLI links a market complaint to that market's anomalies. */
export enum ComplaintTag {
  PUNGLI = "PUNGLI",
  STAFF_CONDUCT = "STAFF_CONDUCT",
  SERVICE_DELAY = "SERVICE_DELAY",
  FEES = "FEES",
  FACILITIES = "FACILITIES",
  SANITATION = "SANITATION",
  SECURITY = "SECURITY",
  INFORMATION = "INFORMATION",
}

/** Where a complaint stands against one deadline. */
export enum SlaState {
  /** Done on or before the due day. */
  MET = "MET",
  /** Done, after the due day. */
  LATE = "LATE",
  /** Not done yet, and the due day has not ended. */
  PENDING = "PENDING",
  /** Not done, and the due day has ended. */
  OVERDUE = "OVERDUE",
  /** The step does not apply: not disposed yet, or closed (not our authority, archived) without it. */
  NOT_APPLICABLE = "NOT_APPLICABLE",
}

registerEnumType(ComplaintChannel, { name: "ComplaintChannel", description: "How the report arrived." });
registerEnumType(ComplaintClassification, { name: "ComplaintClassification", description: "SP4N-LAPOR! classification: aspirasi, pengaduan, permintaan informasi." });
registerEnumType(ComplaintStatus, {
  name: "ComplaintStatus",
  description: "RECEIVED -> VERIFIED -> DISPOSED (to an agency) -> IN_PROGRESS -> RESOLVED -> ARCHIVED; DEFERRED (tunda), NOT_OUR_AUTHORITY (bukan wewenang) and ARCHIVED are the other outcomes. See complaintTransitions.",
});
registerEnumType(ComplaintTag, { name: "ComplaintTag", description: "Topics; PUNGLI (illegal levy) on a market complaint links it to the market's anomalies." });
registerEnumType(SlaState, { name: "SlaState", description: "MET/LATE: done on time or after the due day; PENDING/OVERDUE: not done, due day not over / over; NOT_APPLICABLE." });
