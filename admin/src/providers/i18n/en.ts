import type { TranslationMessages } from "ra-core";
import englishMessages from "ra-language-english";
import type { AppMessages } from "./id";

/** Typed against the Indonesian app messages: a key missing here fails the type check. */
const enAppMessages: AppMessages = {
  app: {
    title: "LAPERA+",
    locale: { id: "Bahasa Indonesia", en: "English" },
    auth: {
      invalid_credentials: "Wrong username or password",
      rate_limited: "Too many sign-in attempts. Please wait a moment and try again.",
    },
    dashboard: {
      title: "Home",
      welcome: "Welcome, %{name}",
      signed_in_as: "You are signed in as %{username} with the role %{role}.",
      markets_scope: "Markets assigned to you: %{count}.",
      intro:
        "LAPERA+ monitors market retribution and public services of Kabupaten Bekasi. The revenue monitoring page is not available yet; use the links below to manage master data.",
      master_data: "Master data",
    },
    field: {
      search: "Search",
      password_keep: "Leave empty to keep the current password",
    },
    validation: {
      two_decimals: "At most two decimal places",
      integer: "Must be a whole number",
      date_order: "The end date must not be before the start date",
      latitude: "Latitude must be between -90 and 90",
      longitude: "Longitude must be between -180 and 180",
    },
    enum: {
      MarketStatus: { ACTIVE: "Active", INACTIVE: "Inactive", CLOSED: "Closed" },
      StallKind: { KIOS: "Kiosk (kios)", LOS: "Stall row (los)", PELATARAN: "Open floor (pelataran)", LAPAK: "Pitch (lapak)", OTHER: "Other" },
      StallStatus: { ACTIVE: "Active", INACTIVE: "Inactive" },
      MarketClass: { I: "Class I", II: "Class II", III: "Class III" },
      TariffBasis: {
        PER_M2_PER_DAY: "Per m² per day",
        PER_UNIT_PER_DAY: "Per unit per day",
        PER_UNIT_PER_MONTH: "Per unit per month",
      },
      Role: {
        ADMIN: "Administrator",
        OFFICER: "Trade office officer",
        MARKET_HEAD: "Market head (UPTD)",
        COLLECTOR: "Collector",
        TREASURER: "Receiving treasurer",
        REVENUE_OFFICER: "Revenue officer (Bapenda)",
        AUDITOR: "Auditor",
        AGENCY_EDITOR: "Agency editor",
      },
    },
  },
  resources: {
    Market: {
      name: "Market |||| Markets",
      fields: {
        id: "ID",
        code: "Code",
        name: "Market name",
        district: "District",
        address: "Address",
        marketClass: "Market class",
        uptdName: "UPTD name",
        headUserId: "Market head",
        status: "Status",
        latitude: "Latitude",
        longitude: "Longitude",
        q: "Search",
      },
    },
    Stall: {
      name: "Stall |||| Stalls",
      fields: {
        id: "ID",
        marketId: "Market",
        code: "Code",
        block: "Block",
        kind: "Kind",
        area: "Area (m²)",
        status: "Status",
        q: "Search",
      },
    },
    Trader: {
      name: "Trader |||| Traders",
      fields: {
        id: "ID",
        npwrd: "NPWRD",
        name: "Name",
        phone: "Phone",
        commodity: "Commodity",
        active: "Active",
        q: "Search",
      },
    },
    StallPermit: {
      name: "Stall permit (SHPT) |||| Stall permits (SHPT)",
      fields: {
        id: "ID",
        shptNumber: "SHPT number",
        stallId: "Stall",
        traderId: "Trader",
        validFrom: "Valid from",
        validTo: "Valid to",
        q: "Search",
      },
    },
    Tariff: {
      name: "Tariff |||| Tariffs",
      fields: {
        id: "ID",
        stallKind: "Stall kind",
        marketClass: "Market class",
        basis: "Basis",
        amount: "Amount (Rp)",
        validFrom: "Valid from",
        validTo: "Valid to",
        legalBasis: "Legal basis",
        q: "Search",
      },
    },
    CollectorAssignment: {
      name: "Collector assignment |||| Collector assignments",
      fields: {
        id: "ID",
        collectorId: "Collector",
        marketId: "Market",
        validFrom: "Valid from",
        validTo: "Valid to",
      },
    },
    TicketBook: {
      name: "Ticket book |||| Ticket books",
      fields: {
        id: "ID",
        series: "Series",
        firstNumber: "First number",
        lastNumber: "Last number",
        faceValue: "Face value (Rp)",
        marketId: "Market",
        collectorId: "Collector",
        issuedAt: "Issued at",
        returnedAt: "Returned at",
        q: "Search",
      },
    },
    RevenueTarget: {
      name: "Revenue target |||| Revenue targets",
      fields: {
        id: "ID",
        year: "Year",
        marketId: "Market",
        amount: "Target (Rp)",
        regency: "Whole regency",
      },
    },
    User: {
      name: "User |||| Users",
      fields: {
        id: "ID",
        username: "Username",
        displayName: "Display name",
        role: "Role",
        active: "Active",
        password: "Password",
        marketIds: "Markets",
        q: "Search",
      },
    },
  },
};

export const enMessages: TranslationMessages = { ...englishMessages, ...enAppMessages };
