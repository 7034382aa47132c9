import type { EntityManager } from "typeorm";
import { Agency } from "../modules/public-services/agency.entity";
import { Facility } from "../modules/public-services/facility.entity";
import { PublicService } from "../modules/public-services/public-service.entity";
import { ServiceVenue } from "../modules/public-services/service-venue.entity";
import { VenueCounterService } from "../modules/public-services/venue-counter-service.entity";
import { VenueCounter } from "../modules/public-services/venue-counter.entity";
import { VenueVisits } from "../modules/public-services/venue-visits.entity";
import { FacilityCondition, FacilityKind, VenueKind } from "../modules/public-services/venue.enums";

/**
 * Venues of Kabupaten Bekasi. REAL (glossary): the Mal Pelayanan Publik at Lotte Grosir Cikarang
 * (Cikarang Utara, open since October 2020) and its tenants, the service point at Aeon Mall
 * Deltamas, and 4 620 MPP visitors in January 2026. SYNTHETIC (marked "contoh" or `synthetic`):
 * opening hours, counter numbers, the gerai's and offices' counters and dates, facilities and their
 * conditions, and every other month's visitors.
 */
export const MPP_NAME = "Mal Pelayanan Publik Kabupaten Bekasi";
export const GERAI_NAME = "Gerai Pelayanan Publik Aeon Mall Deltamas";
const MPP_OPENED = "2020-10-01";

interface DemoVenue {
  name: string;
  kind: VenueKind;
  address: string;
  agency?: string;
  openingHours: string;
}

const VENUES: DemoVenue[] = [
  { name: MPP_NAME, kind: VenueKind.MPP, address: "Lotte Grosir Cikarang, Kecamatan Cikarang Utara, Kabupaten Bekasi",
    openingHours: "Senin-Jumat 08.00-15.00, Sabtu 08.00-12.00 (contoh)" },
  { name: GERAI_NAME, kind: VenueKind.GERAI, address: "Aeon Mall Deltamas, Kota Deltamas, Kecamatan Cikarang Pusat, Kabupaten Bekasi",
    openingHours: "Senin-Minggu 10.00-18.00 (contoh)" },
  { name: "Kantor Dinas Kependudukan dan Pencatatan Sipil", kind: VenueKind.AGENCY_OFFICE, agency: "DISDUKCAPIL",
    address: "Kompleks Perkantoran Pemerintah Kabupaten Bekasi, Desa Sukamahi, Kecamatan Cikarang Pusat", openingHours: "Senin-Jumat 08.00-15.00 (contoh)" },
  { name: "Kantor Dinas Penanaman Modal dan PTSP", kind: VenueKind.AGENCY_OFFICE, agency: "DPMPTSP",
    address: "Kompleks Perkantoran Pemerintah Kabupaten Bekasi, Desa Sukamahi, Kecamatan Cikarang Pusat", openingHours: "Senin-Jumat 08.00-15.00 (contoh)" },
];

/** The MPP's tenants (real, glossary and issue 6), one counter each, numbered in this order (contoh). */
export const MPP_TENANTS = [
  "DPMPTSP", "DISDUKCAPIL", "BAPENDA", "SAMSAT", "BPJS-KES", "BPJS-TK", "DINSOS", "DINKES", "DISDIK", "DISNAKER", "KPP-CIKARANG", "TIRTA",
  "ATR-BPN", "TASPEN", "POS", "BJB", "IMIGRASI",
] as const;

/** The services each agency offers at its counters, by name (only services the demo has). */
const SERVICES_OF: Record<string, string[]> = {
  DPMPTSP: ["Nomor Induk Berusaha (NIB) dan Izin Usaha", "Persetujuan Bangunan Gedung (PBG)"],
  DISDUKCAPIL: ["Penerbitan KTP Elektronik (KTP-el)", "Penerbitan Kartu Keluarga", "Penerbitan Akta Kelahiran"],
  BAPENDA: ["Pembayaran Pajak Bumi dan Bangunan (PBB-P2)"],
  DINSOS: ["Surat Keterangan Terdaftar DTKS"],
  DISNAKER: ["Kartu Tanda Pencari Kerja (AK/1)"],
  IMIGRASI: ["Penerbitan Paspor"],
  POLRES: ["Surat Keterangan Catatan Kepolisian (SKCK)"],
};

interface DemoCounter {
  venue: string;
  agency: string;
  number: number;
  from: string;
  to?: string;
  services?: string[];
}

const COUNTERS: DemoCounter[] = [
  ...MPP_TENANTS.map((agency, i) => ({ venue: MPP_NAME, agency, number: i + 1, from: MPP_OPENED })),
  { venue: GERAI_NAME, agency: "DISDUKCAPIL", number: 1, from: "2023-08-01", services: ["Penerbitan KTP Elektronik (KTP-el)", "Penerbitan Kartu Keluarga"] },
  { venue: GERAI_NAME, agency: "BAPENDA", number: 2, from: "2023-08-01" },
  { venue: GERAI_NAME, agency: "SAMSAT", number: 3, from: "2023-08-01" },
  { venue: GERAI_NAME, agency: "POLRES", number: 4, from: "2024-01-15" },
  // A counter that has closed: its service is no longer offered at the gerai.
  { venue: GERAI_NAME, agency: "IMIGRASI", number: 5, from: "2023-08-01", to: "2025-06-30" },
  { venue: "Kantor Dinas Kependudukan dan Pencatatan Sipil", agency: "DISDUKCAPIL", number: 1, from: "2020-01-02" },
  { venue: "Kantor Dinas Kependudukan dan Pencatatan Sipil", agency: "DISDUKCAPIL", number: 2, from: "2020-01-02" },
  { venue: "Kantor Dinas Penanaman Modal dan PTSP", agency: "DPMPTSP", number: 1, from: "2020-01-02" },
];

const FACILITIES: Array<{ venue: string; kind: FacilityKind; condition: FacilityCondition; note?: string; inspected: string }> = [
  { venue: MPP_NAME, kind: FacilityKind.WAITING_ROOM, condition: FacilityCondition.GOOD, inspected: "2026-10-06" },
  { venue: MPP_NAME, kind: FacilityKind.QUEUE_MACHINE, condition: FacilityCondition.NEEDS_REPAIR, note: "Printer tiket sering macet (contoh)", inspected: "2026-10-06" },
  { venue: MPP_NAME, kind: FacilityKind.LACTATION_ROOM, condition: FacilityCondition.GOOD, inspected: "2026-10-06" },
  { venue: MPP_NAME, kind: FacilityKind.PRAYER_ROOM, condition: FacilityCondition.GOOD, inspected: "2026-10-06" },
  { venue: MPP_NAME, kind: FacilityKind.DISABILITY_ACCESS, condition: FacilityCondition.NEEDS_REPAIR, note: "Ram pintu masuk terlalu curam (contoh)", inspected: "2026-10-06" },
  { venue: MPP_NAME, kind: FacilityKind.CHILD_PLAY_AREA, condition: FacilityCondition.MISSING, note: "Belum tersedia (contoh)", inspected: "2026-10-06" },
  { venue: MPP_NAME, kind: FacilityKind.TOILET, condition: FacilityCondition.GOOD, inspected: "2026-10-06" },
  { venue: MPP_NAME, kind: FacilityKind.PARKING, condition: FacilityCondition.GOOD, note: "Parkir bersama Lotte Grosir (contoh)", inspected: "2026-10-06" },
  { venue: GERAI_NAME, kind: FacilityKind.WAITING_ROOM, condition: FacilityCondition.GOOD, inspected: "2026-09-14" },
  { venue: GERAI_NAME, kind: FacilityKind.QUEUE_MACHINE, condition: FacilityCondition.MISSING, note: "Antrean manual (contoh)", inspected: "2026-09-14" },
  { venue: GERAI_NAME, kind: FacilityKind.LACTATION_ROOM, condition: FacilityCondition.GOOD, note: "Fasilitas mal (contoh)", inspected: "2026-09-14" },
  { venue: "Kantor Dinas Kependudukan dan Pencatatan Sipil", kind: FacilityKind.DISABILITY_ACCESS, condition: FacilityCondition.GOOD, inspected: "2026-08-03" },
  { venue: "Kantor Dinas Kependudukan dan Pencatatan Sipil", kind: FacilityKind.TOILET, condition: FacilityCondition.NEEDS_REPAIR, inspected: "2026-08-03" },
];

/** MPP visitors; only January 2026 is a real count. */
export const MPP_VISITS: Array<{ month: string; visitors: number; real?: true }> = [
  { month: "2025-08", visitors: 4_310 },
  { month: "2025-09", visitors: 4_455 },
  { month: "2025-10", visitors: 4_702 },
  { month: "2025-11", visitors: 4_388 },
  { month: "2025-12", visitors: 3_964 },
  { month: "2026-01", visitors: 4_620, real: true },
  { month: "2026-02", visitors: 4_512 },
  { month: "2026-03", visitors: 4_097 },
];
const GERAI_VISITS: Array<{ month: string; visitors: number }> = [
  { month: "2025-12", visitors: 1_180 },
  { month: "2026-01", visitors: 1_036 },
  { month: "2026-02", visitors: 1_094 },
];

const REAL_NOTE = "Data riil (real figure): 4.620 pengunjung MPP Kabupaten Bekasi, Januari 2026";
const SYNTHETIC_NOTE = "Data sintetis (synthetic, demo only)";

export async function seedDemoVenues(em: EntityManager): Promise<void> {
  const agencies = new Map((await em.find(Agency)).map((a) => [a.code, a.id]));
  const agencyId = (code: string) => {
    const id = agencies.get(code);
    if (id === undefined) throw new Error(`demo agency ${code} is missing`);
    return id;
  };
  const services = new Map((await em.find(PublicService)).map((s) => [s.name, s.id]));
  const venues = new Map<string, number>();
  for (const v of VENUES) {
    const saved = await em.save(ServiceVenue, {
      name: v.name, kind: v.kind, address: v.address, agencyId: v.agency ? agencyId(v.agency) : null, openingHours: v.openingHours, active: true,
    });
    venues.set(v.name, saved.id);
  }
  for (const c of COUNTERS) {
    const counter = await em.save(VenueCounter, {
      venueId: venues.get(c.venue)!, agencyId: agencyId(c.agency), counterNumber: c.number, activeFrom: c.from, activeTo: c.to ?? null,
    });
    const offered = c.services ?? SERVICES_OF[c.agency] ?? [];
    if (offered.length) {
      await em.insert(VenueCounterService, offered.map((name, position) => {
        const serviceId = services.get(name);
        if (serviceId === undefined) throw new Error(`demo service ${name} is missing`);
        return { counterId: counter.id, serviceId, position };
      }));
    }
  }
  await em.insert(Facility, FACILITIES.map((f) => ({
    venueId: venues.get(f.venue)!, kind: f.kind, condition: f.condition, note: f.note ?? null, lastInspected: f.inspected,
  })));
  await em.insert(VenueVisits, [
    ...MPP_VISITS.map((v) => ({ venueId: venues.get(MPP_NAME)!, month: v.month, visitors: v.visitors, synthetic: !v.real, note: v.real ? REAL_NOTE : SYNTHETIC_NOTE })),
    ...GERAI_VISITS.map((v) => ({ venueId: venues.get(GERAI_NAME)!, month: v.month, visitors: v.visitors, synthetic: true, note: SYNTHETIC_NOTE })),
  ]);
}
