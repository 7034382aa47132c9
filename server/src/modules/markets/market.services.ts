import { In, type EntityManager, type SelectQueryBuilder } from "typeorm";
import { CrudService, type ResourceSpec } from "../../common/crud.service";
import { badInput, conflict } from "../../common/errors";
import { parseId, parseOptionalId } from "../../common/ids";
import type { Actor } from "../auth/actor";
import { Role } from "../auth/role";
import { CollectorAssignment } from "./collector-assignment.entity";
import { Market } from "./market.entity";
import { MarketStatus, StallStatus, type MarketClass } from "./market.enums";
import {
  CollectorAssignmentInput, MarketInput, RevenueTargetInput, StallInput, StallPermitInput, TariffInput, TicketBookInput, TraderInput,
} from "./market.inputs";
import { assertExists, assertPeriodOrder, assertUserHasRole, findOverlappingPeriod, lockedForCheck, restrictToMarkets } from "./market-rules";
import { RevenueTarget } from "./revenue-target.entity";
import { StallPermit } from "./stall-permit.entity";
import { Stall } from "./stall.entity";
import { Tariff } from "./tariff.entity";
import { TicketBook } from "./ticket-book.entity";
import { Trader } from "./trader.entity";
import type { Database } from "../../database/database";
import type { AuditService } from "../audit/audit.service";
import type { RevenueSummaryService } from "../revenue/revenue-summary.service";
import type { Period } from "../../common/periods";

/** The days either version of a period covers (null `to`: open end), to recompute potential over. */
function spanOf(...periods: Array<Period | null>): { from: string; to: string | null } | null {
  const present = periods.filter((p): p is Period => p !== null);
  if (present.length === 0) return null;
  const from = present.map((p) => p.validFrom).sort()[0];
  const to = present.some((p) => p.validTo === null) ? null : present.map((p) => p.validTo!).sort().reverse()[0];
  return { from, to };
}

/** A master-data service whose rows change the potential revenue of markets. */
abstract class PotentialAffectingService<T extends { id: number }, TInput extends object> extends CrudService<T, TInput> {
  constructor(
    db: Database,
    audit: AuditService,
    maxPageSize: number,
    protected readonly summary: RevenueSummaryService,
  ) {
    super(db, audit, maxPageSize);
  }
}

const same = <K extends string>(...keys: K[]) => Object.fromEntries(keys.map((k) => [k, k])) as Record<K, K>;
const idString = (id: number | null) => (id === null ? null : String(id));

export class MarketService extends PotentialAffectingService<Market, MarketInput> {
  protected readonly inputClass = MarketInput;
  protected readonly spec: ResourceSpec<Market> = {
    name: "Market",
    entity: Market,
    searchFields: ["code", "name", "district", "uptdName"],
    filterFields: ["marketClass", "status", "district"],
    sortFields: same("code", "name", "district", "marketClass", "status", "uptdName"),
    uniqueDescription: "code",
    deleteAdvice: "set its status to INACTIVE instead",
  };

  protected override applyScope(qb: SelectQueryBuilder<Market>, actor: Actor) {
    return restrictToMarkets(qb, actor, "e.id");
  }

  protected toInput(m: Market): MarketInput {
    return Object.assign(new MarketInput(), {
      code: m.code, name: m.name, district: m.district, address: m.address, marketClass: m.marketClass,
      uptdName: m.uptdName, headUserId: idString(m.headUserId), status: m.status, latitude: m.latitude, longitude: m.longitude,
    });
  }

  protected applyInput(m: Market, input: MarketInput): void {
    Object.assign(m, {
      code: input.code, name: input.name.trim(), district: input.district.trim(), address: input.address.trim(),
      marketClass: input.marketClass, uptdName: input.uptdName.trim(), headUserId: parseOptionalId(input.headUserId, "headUserId"),
      status: input.status ?? MarketStatus.ACTIVE, latitude: input.latitude ?? null, longitude: input.longitude ?? null,
    });
  }

  protected override async checkRules(em: EntityManager, m: Market): Promise<void> {
    await assertUserHasRole(em, m.headUserId, Role.MARKET_HEAD, "headUserId");
  }

  /** The market class selects the tariff, for every day of the market's history. */
  protected override async afterWrite(em: EntityManager, before: Market | null, after: Market | null): Promise<void> {
    if (!before || !after || before.marketClass === after.marketClass) return;
    const from = await this.summary.earliestPermitDay(em, [after.id]);
    if (from) await this.summary.recomputePotential(em, [after.id], from, null);
  }
}

export class StallService extends PotentialAffectingService<Stall, StallInput> {
  protected readonly inputClass = StallInput;
  protected readonly spec: ResourceSpec<Stall> = {
    name: "Stall",
    entity: Stall,
    searchFields: ["code", "block"],
    filterFields: ["marketId", "kind", "status", "block"],
    sortFields: { ...same("marketId", "code", "block", "kind", "status"), area: "areaDm2" },
    uniqueDescription: "market and code",
    deleteAdvice: "set its status to INACTIVE instead",
  };

  protected override applyScope(qb: SelectQueryBuilder<Stall>, actor: Actor) {
    return restrictToMarkets(qb, actor, "e.marketId");
  }

  protected toInput(s: Stall): StallInput {
    return Object.assign(new StallInput(), {
      marketId: String(s.marketId), code: s.code, block: s.block, kind: s.kind, area: s.areaDm2 / 100, status: s.status,
    });
  }

  protected applyInput(s: Stall, input: StallInput): void {
    const areaDm2 = Math.round(input.area * 100);
    if (Math.abs(areaDm2 - input.area * 100) > 1e-6) throw badInput({ area: "must have at most two decimals" });
    Object.assign(s, {
      marketId: parseId(input.marketId, "marketId"), code: input.code, block: input.block?.trim() || null, kind: input.kind,
      areaDm2, status: input.status ?? StallStatus.ACTIVE,
    });
  }

  protected override async checkRules(em: EntityManager, s: Stall): Promise<void> {
    await assertExists(em, Market, s.marketId, "marketId");
  }

  /** Kind and area price a stall's permits over their whole history: take the old price out, put the new in. */
  protected override async afterWrite(em: EntityManager, before: Stall | null, after: Stall | null): Promise<void> {
    if (!before || !after) return;
    if (before.kind === after.kind && before.areaDm2 === after.areaDm2 && before.marketId === after.marketId) return;
    for (const permit of await em.findBy(StallPermit, { stallId: after.id })) {
      await this.summary.adjustStallPotential(em, before, permit, -1);
      await this.summary.adjustStallPotential(em, after, permit, 1);
    }
  }
}

export class TraderService extends CrudService<Trader, TraderInput> {
  protected readonly inputClass = TraderInput;
  protected readonly spec: ResourceSpec<Trader> = {
    name: "Trader",
    entity: Trader,
    searchFields: ["npwrd", "name", "commodity"],
    filterFields: ["npwrd", "active"],
    sortFields: same("npwrd", "name", "commodity", "active"),
    uniqueDescription: "NPWRD",
    deleteAdvice: "deactivate the trader instead (active: false)",
  };

  /** A scoped user sees the traders holding a permit in one of their markets. */
  protected override async applyScope(qb: SelectQueryBuilder<Trader>, actor: Actor) {
    const scope = await actor.marketScope();
    if (scope === null) return;
    if (scope.length === 0) qb.andWhere("1 = 0");
    else
      qb.andWhere(
        "EXISTS (SELECT 1 FROM stall_permit p JOIN stall s ON s.id = p.stall_id WHERE p.trader_id = e.id AND s.market_id IN (:...scopeIds))",
        { scopeIds: scope },
      );
  }

  protected toInput(t: Trader): TraderInput {
    return Object.assign(new TraderInput(), { npwrd: t.npwrd, name: t.name, phone: t.phone, commodity: t.commodity, active: t.active });
  }

  protected applyInput(t: Trader, input: TraderInput): void {
    Object.assign(t, {
      npwrd: input.npwrd.toUpperCase(), name: input.name.trim(), phone: input.phone?.trim() || null,
      commodity: input.commodity?.trim() || null, active: input.active ?? true,
    });
  }
}

export class StallPermitService extends PotentialAffectingService<StallPermit, StallPermitInput> {
  protected readonly inputClass = StallPermitInput;
  protected readonly spec: ResourceSpec<StallPermit> = {
    name: "StallPermit",
    entity: StallPermit,
    searchFields: ["shptNumber"],
    filterFields: ["stallId", "traderId", "validFrom"],
    sortFields: same("shptNumber", "stallId", "traderId", "validFrom", "validTo"),
    uniqueDescription: "SHPT number",
    deleteAdvice: "end it by setting validTo instead",
  };

  protected override applyScope(qb: SelectQueryBuilder<StallPermit>, actor: Actor) {
    return restrictToMarkets(qb, actor, "(SELECT s.market_id FROM stall s WHERE s.id = e.stall_id)");
  }

  protected toInput(p: StallPermit): StallPermitInput {
    return Object.assign(new StallPermitInput(), {
      shptNumber: p.shptNumber, stallId: String(p.stallId), traderId: String(p.traderId), validFrom: p.validFrom, validTo: p.validTo,
    });
  }

  protected applyInput(p: StallPermit, input: StallPermitInput): void {
    Object.assign(p, {
      shptNumber: input.shptNumber.trim(), stallId: parseId(input.stallId, "stallId"), traderId: parseId(input.traderId, "traderId"),
      validFrom: input.validFrom, validTo: input.validTo ?? null,
    });
    assertPeriodOrder(p);
  }

  /** A stall has at most one active permit on any day; the stall row is locked so two writers cannot both pass. */
  protected override async checkRules(em: EntityManager, p: StallPermit): Promise<void> {
    const stall = await lockedForCheck(em.getRepository(Stall).createQueryBuilder("s"), this.db.dialect)
      .where("s.id = :id", { id: p.stallId })
      .getOne();
    if (!stall) throw badInput({ stallId: "does not exist" });
    await assertExists(em, Trader, p.traderId, "traderId");
    const clash = await findOverlappingPeriod(em, StallPermit, this.db.dialect, p, {
      sql: "o.stallId = :stallId",
      params: { stallId: p.stallId },
    });
    if (clash) {
      throw conflict(`Stall ${stall.code} already has permit ${clash.shptNumber} active from ${clash.validFrom} to ${clash.validTo ?? "open end"}`);
    }
  }

  /** An occupied stall owes its tariff: take out what the old version of the permit added, add the new. */
  protected override async afterWrite(em: EntityManager, before: StallPermit | null, after: StallPermit | null): Promise<void> {
    for (const [version, sign] of [[before, -1], [after, 1]] as const) {
      if (!version) continue;
      const stall = await em.findOneByOrFail(Stall, { id: version.stallId });
      await this.summary.adjustStallPotential(em, stall, version, sign);
    }
  }
}

export class TariffService extends PotentialAffectingService<Tariff, TariffInput> {
  protected readonly inputClass = TariffInput;
  protected readonly spec: ResourceSpec<Tariff> = {
    name: "Tariff",
    entity: Tariff,
    searchFields: ["legalBasis"],
    filterFields: ["stallKind", "marketClass", "basis", "validFrom"],
    sortFields: same("stallKind", "marketClass", "basis", "amount", "validFrom", "validTo"),
    deleteAdvice: "end it by setting validTo instead",
  };

  protected toInput(t: Tariff): TariffInput {
    return Object.assign(new TariffInput(), {
      stallKind: t.stallKind, marketClass: t.marketClass, basis: t.basis, amount: t.amount,
      validFrom: t.validFrom, validTo: t.validTo, legalBasis: t.legalBasis,
    });
  }

  protected applyInput(t: Tariff, input: TariffInput): void {
    Object.assign(t, {
      stallKind: input.stallKind, marketClass: input.marketClass, basis: input.basis, amount: input.amount,
      validFrom: input.validFrom, validTo: input.validTo ?? null, legalBasis: input.legalBasis.trim(),
    });
    assertPeriodOrder(t);
  }

  protected override async checkRules(em: EntityManager, t: Tariff): Promise<void> {
    const clash = await findOverlappingPeriod(em, Tariff, this.db.dialect, t, {
      sql: "o.stallKind = :kind AND o.marketClass = :cls",
      params: { kind: t.stallKind, cls: t.marketClass },
    });
    if (clash) {
      throw conflict(
        `A ${t.stallKind} tariff for market class ${t.marketClass} already applies from ${clash.validFrom} to ${clash.validTo ?? "open end"}; end it first`,
      );
    }
  }

  /** A tariff prices every market of its class; a retroactive change reaches back as far as it says. */
  protected override async afterWrite(em: EntityManager, before: Tariff | null, after: Tariff | null): Promise<void> {
    const span = spanOf(before, after);
    if (!span) return;
    const classes = [...new Set([before?.marketClass, after?.marketClass].filter((c): c is MarketClass => c !== undefined))];
    const markets = await em.find(Market, { select: { id: true }, where: { marketClass: In(classes) } });
    await this.summary.recomputePotential(em, markets.map((m) => m.id), span.from, span.to);
  }
}

export class CollectorAssignmentService extends CrudService<CollectorAssignment, CollectorAssignmentInput> {
  protected readonly inputClass = CollectorAssignmentInput;
  protected readonly spec: ResourceSpec<CollectorAssignment> = {
    name: "CollectorAssignment",
    entity: CollectorAssignment,
    searchFields: [],
    filterFields: ["collectorId", "marketId", "validFrom"],
    sortFields: same("collectorId", "marketId", "validFrom", "validTo"),
    deleteAdvice: "end it by setting validTo instead",
  };

  protected override applyScope(qb: SelectQueryBuilder<CollectorAssignment>, actor: Actor) {
    return restrictToMarkets(qb, actor, "e.marketId");
  }

  protected toInput(a: CollectorAssignment): CollectorAssignmentInput {
    return Object.assign(new CollectorAssignmentInput(), {
      collectorId: String(a.collectorId), marketId: String(a.marketId), validFrom: a.validFrom, validTo: a.validTo,
    });
  }

  protected applyInput(a: CollectorAssignment, input: CollectorAssignmentInput): void {
    Object.assign(a, {
      collectorId: parseId(input.collectorId, "collectorId"), marketId: parseId(input.marketId, "marketId"),
      validFrom: input.validFrom, validTo: input.validTo ?? null,
    });
    assertPeriodOrder(a);
  }

  protected override async checkRules(em: EntityManager, a: CollectorAssignment): Promise<void> {
    await assertUserHasRole(em, a.collectorId, Role.COLLECTOR, "collectorId");
    await assertExists(em, Market, a.marketId, "marketId");
    const clash = await findOverlappingPeriod(em, CollectorAssignment, this.db.dialect, a, {
      sql: "o.collectorId = :c AND o.marketId = :m",
      params: { c: a.collectorId, m: a.marketId },
    });
    if (clash) throw conflict("The collector is already assigned to this market for part of that period");
  }
}

export class TicketBookService extends CrudService<TicketBook, TicketBookInput> {
  protected readonly inputClass = TicketBookInput;
  protected readonly spec: ResourceSpec<TicketBook> = {
    name: "TicketBook",
    entity: TicketBook,
    searchFields: ["series"],
    filterFields: ["marketId", "collectorId", "series"],
    sortFields: same("series", "firstNumber", "marketId", "collectorId", "issuedAt", "returnedAt"),
    deleteAdvice: "record its return (returnedAt) instead",
  };

  /** Collectors see their own books; market heads their markets' books. */
  protected override async applyScope(qb: SelectQueryBuilder<TicketBook>, actor: Actor) {
    await restrictToMarkets(qb, actor, "e.marketId");
    if (actor.user?.role === Role.COLLECTOR) qb.andWhere("e.collectorId = :self", { self: actor.user.id });
  }

  protected toInput(b: TicketBook): TicketBookInput {
    return Object.assign(new TicketBookInput(), {
      series: b.series, firstNumber: b.firstNumber, lastNumber: b.lastNumber, faceValue: b.faceValue,
      marketId: String(b.marketId), collectorId: String(b.collectorId), issuedAt: b.issuedAt, returnedAt: b.returnedAt,
    });
  }

  protected applyInput(b: TicketBook, input: TicketBookInput): void {
    if (input.lastNumber < input.firstNumber) throw badInput({ lastNumber: "must not be below firstNumber" });
    if (input.returnedAt && input.returnedAt < input.issuedAt) throw badInput({ returnedAt: "must not be before issuedAt" });
    Object.assign(b, {
      series: input.series, firstNumber: input.firstNumber, lastNumber: input.lastNumber, faceValue: input.faceValue,
      marketId: parseId(input.marketId, "marketId"), collectorId: parseId(input.collectorId, "collectorId"),
      issuedAt: input.issuedAt, returnedAt: input.returnedAt ?? null,
    });
  }

  protected override async checkRules(em: EntityManager, b: TicketBook): Promise<void> {
    await assertExists(em, Market, b.marketId, "marketId");
    await assertUserHasRole(em, b.collectorId, Role.COLLECTOR, "collectorId");
    const clash = await lockedForCheck(em.getRepository(TicketBook).createQueryBuilder("o"), this.db.dialect)
      .where("o.series = :series", { series: b.series })
      .andWhere(b.id ? "o.id <> :selfId" : "1 = 1", { selfId: b.id })
      .andWhere("o.firstNumber <= :last AND o.lastNumber >= :first", { first: b.firstNumber, last: b.lastNumber })
      .getOne();
    if (clash) throw conflict(`Tickets ${clash.series} ${clash.firstNumber}-${clash.lastNumber} are already in another book`);
  }
}

export class RevenueTargetService extends CrudService<RevenueTarget, RevenueTargetInput> {
  protected readonly inputClass = RevenueTargetInput;
  protected readonly spec: ResourceSpec<RevenueTarget> = {
    name: "RevenueTarget",
    entity: RevenueTarget,
    searchFields: [],
    filterFields: ["year", "marketId"],
    sortFields: same("year", "marketId", "amount"),
    uniqueDescription: "year and market",
  };

  /** Scoped users see their markets' targets and the regency's. */
  protected override async applyScope(qb: SelectQueryBuilder<RevenueTarget>, actor: Actor) {
    const scope = await actor.marketScope();
    if (scope === null) return;
    qb.andWhere(scope.length ? "(e.marketId IS NULL OR e.marketId IN (:...scopeIds))" : "e.marketId IS NULL", { scopeIds: scope });
  }

  protected toInput(t: RevenueTarget): RevenueTargetInput {
    return Object.assign(new RevenueTargetInput(), { year: t.year, marketId: idString(t.marketId), amount: t.amount });
  }

  protected applyInput(t: RevenueTarget, input: RevenueTargetInput): void {
    Object.assign(t, { year: input.year, marketId: parseOptionalId(input.marketId, "marketId"), amount: input.amount });
  }

  /** (year, NULL) is not unique to the database, so the regency target's uniqueness is checked here. */
  protected override async checkRules(em: EntityManager, t: RevenueTarget): Promise<void> {
    await assertExists(em, Market, t.marketId, "marketId");
    const qb = em.getRepository(RevenueTarget).createQueryBuilder("o").where("o.year = :year", { year: t.year });
    qb.andWhere(t.marketId === null ? "o.marketId IS NULL" : "o.marketId = :m", { m: t.marketId });
    if (t.id) qb.andWhere("o.id <> :selfId", { selfId: t.id });
    if (await qb.getExists()) throw conflict(`A RevenueTarget with the same year and market already exists`);
  }
}
