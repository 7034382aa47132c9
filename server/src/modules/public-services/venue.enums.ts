import { registerEnumType } from "type-graphql";

export enum VenueKind {
  /** Mal Pelayanan Publik (Perpres 89/2021): many agencies' counters under one roof. */
  MPP = "MPP",
  /** Gerai pelayanan publik: a smaller service point, e.g. in a shopping mall. */
  GERAI = "GERAI",
  /** An agency's own office. */
  AGENCY_OFFICE = "AGENCY_OFFICE",
  OTHER = "OTHER",
}

export enum FacilityKind {
  WAITING_ROOM = "WAITING_ROOM",
  QUEUE_MACHINE = "QUEUE_MACHINE",
  LACTATION_ROOM = "LACTATION_ROOM",
  PRAYER_ROOM = "PRAYER_ROOM",
  DISABILITY_ACCESS = "DISABILITY_ACCESS",
  CHILD_PLAY_AREA = "CHILD_PLAY_AREA",
  TOILET = "TOILET",
  PARKING = "PARKING",
  OTHER = "OTHER",
}

export enum FacilityCondition {
  GOOD = "GOOD",
  NEEDS_REPAIR = "NEEDS_REPAIR",
  MISSING = "MISSING",
}

registerEnumType(VenueKind, { name: "VenueKind", description: "Where services are delivered: the MPP, a gerai (service point), an agency's office." });
registerEnumType(FacilityKind, { name: "FacilityKind", description: "A facility of a venue (sarana dan prasarana), including those for vulnerable groups." });
registerEnumType(FacilityCondition, { name: "FacilityCondition", description: "The state a facility was found in at its last inspection." });
