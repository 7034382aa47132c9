import { registerEnumType } from "type-graphql";

/** The Ombudsman's traffic-light zones (zonasi kepatuhan). */
export enum ComplianceZone {
  HIJAU = "HIJAU",
  KUNING = "KUNING",
  MERAH = "MERAH",
}

/** Where a year's regency figure comes from. */
export enum ComplianceFigureSource {
  /** The regency average the Ombudsman published (CompliancePublishedAverage). */
  PUBLISHED = "PUBLISHED",
  /** The average over the units assessed that year, computed here. */
  ASSESSED_UNITS = "ASSESSED_UNITS",
}

registerEnumType(ComplianceZone, { name: "ComplianceZone", description: "Zone of an Ombudsman compliance score: HIJAU (green, high), KUNING (yellow), MERAH (red, low)." });
registerEnumType(ComplianceFigureSource, { name: "ComplianceFigureSource", description: "PUBLISHED: the regency average as the Ombudsman published it; ASSESSED_UNITS: the average over the assessed units." });
