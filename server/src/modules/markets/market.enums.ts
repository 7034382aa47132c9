import { registerEnumType } from "type-graphql";

export enum MarketClass {
  I = "I",
  II = "II",
  III = "III",
}
registerEnumType(MarketClass, { name: "MarketClass", description: "Kelas pasar, which selects the tariff." });

export enum MarketStatus {
  ACTIVE = "ACTIVE",
  INACTIVE = "INACTIVE",
}
registerEnumType(MarketStatus, { name: "MarketStatus" });

export enum StallKind {
  KIOS = "KIOS",
  LOS = "LOS",
  PELATARAN = "PELATARAN",
  LAPAK = "LAPAK",
  OTHER = "OTHER",
}
registerEnumType(StallKind, {
  name: "StallKind",
  description: "KIOS: closed lockable unit; LOS: roofed open stall row; PELATARAN/LAPAK: open floor, daily ticket.",
});

export enum StallStatus {
  ACTIVE = "ACTIVE",
  INACTIVE = "INACTIVE",
}
registerEnumType(StallStatus, { name: "StallStatus" });

export enum TariffBasis {
  PER_M2_PER_DAY = "PER_M2_PER_DAY",
  PER_UNIT_PER_DAY = "PER_UNIT_PER_DAY",
  PER_UNIT_PER_MONTH = "PER_UNIT_PER_MONTH",
}
registerEnumType(TariffBasis, { name: "TariffBasis" });
