import { registerEnumType } from "type-graphql";

export enum InnovationStatus {
  PILOT = "PILOT",
  ACTIVE = "ACTIVE",
  /** Kept in the register as history; never shown in the public catalogue. */
  RETIRED = "RETIRED",
}

export enum DeliveryMode {
  COUNTER = "COUNTER",
  ONLINE = "ONLINE",
  /** The product is sent to the applicant by post (e.g. Sitepak). */
  POSTAL_DELIVERY = "POSTAL_DELIVERY",
  /** The service is brought to residents, jemput bola (e.g. Botram). */
  OUTREACH = "OUTREACH",
}

export enum PostageBorneBy {
  APPLICANT = "APPLICANT",
  GOVERNMENT = "GOVERNMENT",
}

registerEnumType(InnovationStatus, { name: "InnovationStatus", description: "Where an innovation stands: piloted, in use, or retired." });
registerEnumType(DeliveryMode, {
  name: "DeliveryMode",
  description: "How a service reaches the public: at a counter, online, by post, or brought to residents (outreach, jemput bola).",
});
registerEnumType(PostageBorneBy, { name: "PostageBorneBy", description: "Who pays the postage of a service's product sent by post." });
