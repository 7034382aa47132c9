import type { EntityManager, ObjectLiteral } from "typeorm";
import type { Database } from "../database/database";
import { hashPassword } from "../modules/auth/password.service";
import { Role } from "../modules/auth/role";
import { User } from "../modules/auth/user.entity";
import { CollectorAssignment } from "../modules/markets/collector-assignment.entity";
import { Market } from "../modules/markets/market.entity";
import { MarketClass, MarketStatus, StallKind, StallStatus, TariffBasis } from "../modules/markets/market.enums";
import { RevenueTarget } from "../modules/markets/revenue-target.entity";
import { StallPermit } from "../modules/markets/stall-permit.entity";
import { Stall } from "../modules/markets/stall.entity";
import { Tariff } from "../modules/markets/tariff.entity";
import { TicketBook } from "../modules/markets/ticket-book.entity";
import { Trader } from "../modules/markets/trader.entity";
import { DEMO_MARKETS } from "./demo-markets";
import { createRandom, type Random } from "./random";
import { jakartaTime, seedDemoHistory } from "./demo-history";
import { demoBillingPeriods, seedDemoPayments } from "./demo-payments";
import { seedDemoPublicServices } from "./demo-public-services";
import { seedDemoCompliance } from "./demo-compliance";
import { seedDemoVenues } from "./demo-venues";
import { seedDemoComplaints } from "./demo-complaints";
import { seedDemoDeliveryModes } from "./demo-delivery-modes";
import { seedDemoInnovations } from "./demo-innovations";
import { todayInJakarta } from "../common/local-date";
import { RevenueSummaryService } from "../modules/revenue/revenue-summary.service";

export const DEMO_PASSWORD = "lapera-demo";
const LEGAL_BASIS = "Perda Kabupaten Bekasi No. 8 Tahun 2023 tentang Pajak Daerah dan Retribusi Daerah";
const SINCE = "2024-01-01";

/** The demo users (README lists them); they exist only in demo data. */
export const DEMO_USERS: Array<{ username: string; displayName: string; role: Role }> = [
  { username: "admin", displayName: "Administrator LAPERA+", role: Role.ADMIN },
  { username: "officer", displayName: "Petugas Dinas Perdagangan", role: Role.OFFICER },
  { username: "kepala.cikarang", displayName: "Kepala UPTD Pasar Cikarang", role: Role.MARKET_HEAD },
  { username: "pemungut.cikarang", displayName: "Pemungut Cikarang-Cibitung", role: Role.COLLECTOR },
  { username: "pemungut.tambun", displayName: "Pemungut Pasar Tambun", role: Role.COLLECTOR },
  { username: "bendahara", displayName: "Bendahara Penerimaan", role: Role.TREASURER },
  { username: "bapenda", displayName: "Petugas Bapenda", role: Role.REVENUE_OFFICER },
  { username: "auditor", displayName: "Auditor Inspektorat", role: Role.AUDITOR },
  { username: "editor.dpmptsp", displayName: "Pejabat Penghubung DPMPTSP", role: Role.AGENCY_EDITOR },
];

/** Synthetic tariffs (rupiah) per market class I, II, III. */
const TARIFFS: Array<{ kind: StallKind; basis: TariffBasis; amounts: [number, number, number] }> = [
  { kind: StallKind.KIOS, basis: TariffBasis.PER_UNIT_PER_MONTH, amounts: [150_000, 125_000, 100_000] },
  { kind: StallKind.LOS, basis: TariffBasis.PER_M2_PER_DAY, amounts: [500, 400, 300] },
  { kind: StallKind.LAPAK, basis: TariffBasis.PER_UNIT_PER_DAY, amounts: [3_000, 2_000, 1_500] },
  { kind: StallKind.PELATARAN, basis: TariffBasis.PER_UNIT_PER_DAY, amounts: [2_000, 1_500, 1_000] },
  { kind: StallKind.OTHER, basis: TariffBasis.PER_UNIT_PER_DAY, amounts: [2_000, 1_500, 1_000] },
];
const CLASS_INDEX: Record<MarketClass, 0 | 1 | 2> = { I: 0, II: 1, III: 2 };

const FIRST_NAMES = ["Ahmad", "Siti", "Budi", "Dewi", "Asep", "Nining", "Ujang", "Euis", "Dadang", "Rina", "Iwan", "Yanti", "Agus", "Neneng", "Hendra", "Lilis"];
const LAST_NAMES = ["Saputra", "Hidayat", "Permana", "Suryani", "Kurniawan", "Rahayu", "Setiawan", "Wulandari", "Nugraha", "Lestari"];
const COMMODITIES = ["Sayur", "Buah", "Daging", "Ikan", "Sembako", "Pakaian", "Bumbu", "Kue", "Elektronik", "Peralatan rumah"];

export async function hasUsers(db: Database): Promise<boolean> {
  return (await db.manager.count(User)) > 0;
}

async function insertChunked<T extends ObjectLiteral>(em: EntityManager, entity: new () => T, rows: Partial<T>[]): Promise<void> {
  // Generic entity: TypeORM's QueryDeepPartialEntity<T> cannot be derived from Partial<T> here.
  for (let i = 0; i < rows.length; i += 200) await em.insert(entity, rows.slice(i, i + 200) as never);
}

export interface SeedOptions {
  seedNumber: number;
  /** Days of reports and deposits to generate, ending yesterday (Asia/Jakarta). */
  historyDays: number;
  today?: string;
}

/** Deterministic demo data from a seed number. Figures other than the glossary's are synthetic. */
export async function seedDemoData(db: Database, options: SeedOptions): Promise<void> {
  const random = createRandom(options.seedNumber);
  const today = options.today ?? todayInJakarta();
  const hashes = await Promise.all(DEMO_USERS.map(() => hashPassword(DEMO_PASSWORD)));
  const now = new Date();
  await db.transaction(async (em) => {
    const users = new Map<string, User>();
    for (const [i, u] of DEMO_USERS.entries()) {
      users.set(u.username, await em.save(User, { ...u, active: true, passwordHash: hashes[i], agencyId: null, createdAt: now, updatedAt: now }));
    }
    await seedDemoPublicServices(em, now);
    await seedDemoCompliance(em, now);
    await seedDemoVenues(em);
    await seedDemoDeliveryModes(em, today);
    // One more collector per market nobody covers yet, so every market has someone collecting.
    const extraCollectorHash = await hashPassword(DEMO_PASSWORD);
    const markets: Market[] = [];
    for (const dm of DEMO_MARKETS) {
      markets.push(
        await em.save(Market, {
          code: dm.code, name: dm.name, district: dm.district, address: `Jl. ${dm.name}, Kec. ${dm.district}, Kabupaten Bekasi`,
          marketClass: dm.marketClass, uptdName: `UPTD Pasar Wilayah ${dm.district}`, status: MarketStatus.ACTIVE,
          headUserId: dm.code === "PBC" ? users.get("kepala.cikarang")!.id : null,
          latitude: dm.latitude, longitude: dm.longitude, createdAt: now, updatedAt: now,
        }),
      );
    }

    await seedDemoInnovations(em, now);

    await insertChunked(em, Tariff, TARIFFS.flatMap((t) =>
      [MarketClass.I, MarketClass.II, MarketClass.III].map((cls) => ({
        stallKind: t.kind, marketClass: cls, basis: t.basis, amount: t.amounts[CLASS_INDEX[cls]], validFrom: SINCE, validTo: null, legalBasis: LEGAL_BASIS,
      })),
    ));

    let traderNo = 0;
    for (const [mi, dm] of DEMO_MARKETS.entries()) {
      const market = markets[mi];
      const stalls: Partial<Stall>[] = [];
      for (const [li, part] of dm.layout.entries()) {
        for (let b = 0; b < part.blocks; b++) {
          const block = `${String.fromCharCode(65 + li)}${b + 1}`;
          for (let n = 1; n <= part.perBlock; n++) {
            stalls.push({
              marketId: market.id, code: `${block}-${String(n).padStart(3, "0")}`, block, kind: part.kind,
              areaDm2: random.int(part.areaDm2[0] / 25, part.areaDm2[1] / 25) * 25, status: StallStatus.ACTIVE,
            });
          }
        }
      }
      await insertChunked(em, Stall, stalls);
      const saved = await em.find(Stall, { where: { marketId: market.id }, order: { id: "ASC" } });
      const traders: Partial<Trader>[] = [];
      const permits: Array<{ stall: Stall; npwrd: string; validFrom: string }> = [];
      for (const stall of saved) {
        if (!random.chance(0.86)) continue; // vacant stall
        traderNo++;
        const npwrd = `R.32.16.${String(traderNo).padStart(6, "0")}`;
        traders.push({
          npwrd, name: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`, phone: `08${random.int(11, 99)}${random.int(10000000, 99999999)}`,
          commodity: random.pick(COMMODITIES), active: true,
        });
        const month = String(random.int(1, 12)).padStart(2, "0");
        permits.push({ stall, npwrd, validFrom: random.chance(0.7) ? SINCE : `2024-${month}-01` });
      }
      await insertChunked(em, Trader, traders);
      const traderIds = new Map((await em.find(Trader, { select: { id: true, npwrd: true } })).map((t) => [t.npwrd, t.id]));
      await insertChunked(em, StallPermit, permits.map((p) => ({
        shptNumber: `SHPT/${dm.code}/${p.stall.code}/2024`, stallId: p.stall.id, traderId: traderIds.get(p.npwrd)!, validFrom: p.validFrom, validTo: null,
      })));
    }

    const assign = async (collector: User, market: Market, series: string) => {
      await em.insert(CollectorAssignment, { collectorId: collector.id, marketId: market.id, validFrom: SINCE, validTo: null });
      const face = TARIFFS[2].amounts[CLASS_INDEX[market.marketClass]];
      await insertChunked(em, TicketBook, [0, 1, 2].map((k) => ({
        series, firstNumber: k * 1000 + 1, lastNumber: (k + 1) * 1000, faceValue: face, marketId: market.id, collectorId: collector.id,
        issuedAt: new Date(Date.UTC(2024, 0, 2 + k * 30, 1)), returnedAt: null,
      })));
    };
    const byCode = new Map(markets.map((m) => [m.code, m]));
    await assign(users.get("pemungut.cikarang")!, byCode.get("PBC")!, "PBC-A");
    await assign(users.get("pemungut.cikarang")!, byCode.get("PIC")!, "PIC-A");
    await assign(users.get("pemungut.tambun")!, byCode.get("TMB")!, "TMB-A");
    for (const market of markets.filter((m) => !["PBC", "PIC", "TMB"].includes(m.code))) {
      const collector = await em.save(User, {
        username: `pemungut.${market.code.toLowerCase()}`, displayName: `Pemungut ${market.name}`, role: Role.COLLECTOR, active: true,
        passwordHash: extraCollectorHash, agencyId: null, createdAt: now, updatedAt: now,
      });
      await assign(collector, market, `${market.code}-A`);
    }

    // The 2024 regency target is the real APBD figure; per-market splits and later years are synthetic.
    await em.insert(RevenueTarget, { year: 2024, marketId: null, amount: 3_200_000_000 });
    await em.insert(RevenueTarget, { year: 2025, marketId: null, amount: 3_400_000_000 });
    await em.insert(RevenueTarget, { year: 2026, marketId: null, amount: 3_600_000_000 });
    const stallCounts = await Promise.all(markets.map((m) => em.count(Stall, { where: { marketId: m.id } })));
    const total = stallCounts.reduce((a, b) => a + b, 0);
    for (const year of [2024, 2025, 2026]) {
      const regency = { 2024: 3_200_000_000, 2025: 3_400_000_000, 2026: 3_600_000_000 }[year]!;
      await insertChunked(em, RevenueTarget, markets.map((m, i) => ({
        year, marketId: m.id, amount: Math.round((regency * stallCounts[i]) / total / 1000) * 1000,
      })));
    }
    await seedDemoComplaints(em, { seedNumber: options.seedNumber, today, now });
  });
  if (options.historyDays > 0) {
    await seedHistory(db, random, today, options.historyDays);
    // Payments made before the day seeded, so that seeding twice on one day gives the same data.
    await seedDemoPayments(db, demoBillingPeriods(today, options.historyDays), options.seedNumber, jakartaTime(today, 0));
  }
  await new RevenueSummaryService(db).recomputeAll(today);
}

/** Feeds the demo markets' collectors, occupied stalls and their dues to the history generator. */
async function seedHistory(db: Database, random: Random, today: string, days: number): Promise<void> {
  await db.transaction(async (em) => {
    const markets = await em.find(Market, { order: { id: "ASC" } });
    const users = new Map((await em.find(User)).map((u) => [u.username, u.id]));
    const books = await em.find(TicketBook, { order: { lastNumber: "DESC" } });
    const occupied: Array<{ id: number; market_id: number; kind: StallKind; area_dm2: number }> = await em.query(
      "SELECT s.id, s.market_id, s.kind, s.area_dm2 FROM stall s WHERE EXISTS (SELECT 1 FROM stall_permit p WHERE p.stall_id = s.id) ORDER BY s.id",
    );
    const tariffOf = (kind: StallKind, cls: MarketClass) => {
      const t = TARIFFS.find((x) => x.kind === kind)!;
      return { basis: t.basis, amount: t.amounts[CLASS_INDEX[cls]] };
    };
    await seedDemoHistory({
      em, random, today, days, treasurerId: users.get("bendahara")!, headId: users.get("kepala.cikarang")!,
      markets: markets.map((m) => {
        const book = books.find((b) => b.marketId === m.id)!;
        const stalls = occupied.filter((s) => Number(s.market_id) === m.id);
        const due = (s: (typeof stalls)[number]) => {
          const t = tariffOf(s.kind, m.marketClass);
          return t.basis === TariffBasis.PER_M2_PER_DAY ? Math.floor((t.amount * Number(s.area_dm2) + 50) / 100) : t.amount;
        };
        return {
          id: m.id, code: m.code, collectorId: book.collectorId, series: book.series, faceValue: book.faceValue, issuedUpTo: book.lastNumber,
          dailyStalls: stalls.filter((s) => tariffOf(s.kind, m.marketClass).basis !== TariffBasis.PER_UNIT_PER_MONTH)
            .map((s) => ({ id: Number(s.id), kind: s.kind, due: due(s) })),
        };
      }),
    });
  });
}
