import { registerEnumType } from "type-graphql";

export enum AnomalySeverity {
  LOW = "LOW",
  MEDIUM = "MEDIUM",
  HIGH = "HIGH",
  CRITICAL = "CRITICAL",
}

export enum AnomalyStatus {
  OPEN = "OPEN",
  ACKNOWLEDGED = "ACKNOWLEDGED",
  RESOLVED = "RESOLVED",
  AUTO_RESOLVED = "AUTO_RESOLVED",
}

export enum AnomalyResolution {
  CONFIRMED_LEAKAGE = "CONFIRMED_LEAKAGE",
  FALSE_POSITIVE = "FALSE_POSITIVE",
  CORRECTED = "CORRECTED",
}

export enum DetectionTrigger {
  MANUAL = "MANUAL",
  NIGHTLY = "NIGHTLY",
  INCREMENTAL = "INCREMENTAL",
}

registerEnumType(AnomalySeverity, { name: "AnomalySeverity" });
registerEnumType(AnomalyStatus, {
  name: "AnomalyStatus",
  description: "OPEN until someone acknowledges or resolves it; AUTO_RESOLVED when a later run no longer finds its cause.",
});
registerEnumType(AnomalyResolution, { name: "AnomalyResolution" });
registerEnumType(DetectionTrigger, { name: "DetectionTrigger" });
