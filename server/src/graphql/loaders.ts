import DataLoader from "dataloader";
import { In, type ObjectLiteral } from "typeorm";
import type { Database } from "../database/database";
import type { AnomalyEvent } from "../modules/anomalies/anomaly-event.entity";
import { Role } from "../modules/auth/role";
import { User } from "../modules/auth/user.entity";
import { Market } from "../modules/markets/market.entity";
import { DailyReport } from "../modules/receipts/daily-report.entity";
import { Deposit } from "../modules/receipts/deposit.entity";
import type { Receipt } from "../modules/receipts/receipt.entity";
import type { Services } from "../services";
import { Stall } from "../modules/markets/stall.entity";
import { StallPermit } from "../modules/markets/stall-permit.entity";
import { TicketBook } from "../modules/markets/ticket-book.entity";
import { Trader } from "../modules/markets/trader.entity";
import { BankStatement } from "../modules/payments/bank-statement.entity";
import { Bill } from "../modules/payments/bill.entity";
import { Payment } from "../modules/payments/payment.entity";
import { Agency } from "../modules/public-services/agency.entity";
import type { ServiceStandard } from "../modules/public-services/service-standard.entity";
import { PublicService } from "../modules/public-services/public-service.entity";
import { ServiceVenue } from "../modules/public-services/service-venue.entity";
import type { ServiceLocationRow } from "../modules/public-services/service-locations";
import type { ServiceDeliveryMode } from "../modules/public-services/delivery-mode.entity";
import type { ComplaintFollowUp } from "../modules/complaints/complaint-follow-up.entity";

/** One query per kind per request, however many rows ask (no N+1). */
function byId<T extends ObjectLiteral & { id: number }>(db: Database, entity: new () => T) {
  return new DataLoader<number, T>(async (ids) => {
    // Generic entity: FindOptionsWhere<T> does not know that every T here has a numeric id.
    const rows = await db.manager.getRepository(entity).findBy({ id: In([...ids]) } as never);
    const map = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => map.get(id) ?? new Error(`${entity.name} ${id} not found`));
  });
}

/** A loader over a service method that answers for many keys at once. */
function grouped<K, V>(load: (keys: readonly K[]) => Promise<Map<K, V>>, missing: V) {
  return new DataLoader<K, V>(async (keys) => {
    const found = await load(keys);
    return keys.map((key) => found.get(key) ?? missing);
  });
}

export function createLoaders(services: Services) {
  const { db, scope } = services;
  return {
    market: byId(db, Market),
    stall: byId(db, Stall),
    trader: byId(db, Trader),
    stallPermit: byId(db, StallPermit),
    user: byId(db, User),
    dailyReport: byId(db, DailyReport),
    deposit: byId(db, Deposit),
    bill: byId(db, Bill),
    ticketBook: byId(db, TicketBook),
    payment: byId(db, Payment),
    bankStatement: byId(db, BankStatement),
    agency: byId(db, Agency),
    publicService: byId(db, PublicService),
    serviceVenue: byId(db, ServiceVenue),
    counterServiceIds: grouped<number, number[]>((ids) => services.venueCounters.serviceIdsOf(ids), []),
    serviceLocations: grouped<number, ServiceLocationRow[]>((ids) => services.catalogue.locationsOf(ids), []),
    standardVersions: grouped<number, ServiceStandard[]>((ids) => services.standards.versionsOf(ids), []),
    deliveryModes: grouped<number, ServiceDeliveryMode[]>((ids) => services.deliveryModes.ofServices(ids), []),
    innovationServiceIds: grouped<number, number[]>((ids) => services.innovations.serviceIdsOf(ids), []),
    innovationMarketIds: grouped<number, number[]>((ids) => services.innovations.marketIdsOf(ids), []),
    publicInnovationNames: grouped<number, string[]>((ids) => services.innovations.publicNamesByService(ids), []),
    anomalyEvents: grouped<number, AnomalyEvent[]>((ids) => services.anomalies.eventsOf(ids), []),
    complaintFollowUps: grouped<number, ComplaintFollowUp[]>((ids) => services.complaints.followUpsOf(ids), []),
    paymentsByBill: grouped<number, Payment[]>((ids) => services.payments.byBill(ids), []),
    receiptsByReport: grouped<number, Receipt[]>((ids) => services.receipts.byReport(ids), []),
    reportIdsByDeposit: grouped<number, number[]>((ids) => services.deposits.reportIdsByDeposit(ids), []),
    liveDepositIdByReport: grouped<number, number | null>((ids) => services.deposits.liveDepositIdByReport(ids), null),
    marketIdsOfUser: new DataLoader<User, number[], number>(
      async (users) => {
        const collectors = users.filter((u) => u.role === Role.COLLECTOR).map((u) => u.id);
        const heads = users.filter((u) => u.role === Role.MARKET_HEAD).map((u) => u.id);
        const needsAll = users.some((u) => u.role !== Role.COLLECTOR && u.role !== Role.MARKET_HEAD && u.role !== Role.AGENCY_EDITOR);
        const [byCollector, byHead, all] = await Promise.all([
          collectors.length ? scope.marketIdsByUser(collectors, "collector") : new Map<number, number[]>(),
          heads.length ? scope.marketIdsByUser(heads, "head") : new Map<number, number[]>(),
          needsAll ? scope.allMarketIds() : [],
        ]);
        return users.map((u) =>
          u.role === Role.COLLECTOR ? byCollector.get(u.id) ?? [] : u.role === Role.MARKET_HEAD ? byHead.get(u.id) ?? [] : u.role === Role.AGENCY_EDITOR ? [] : all,
        );
      },
      { cacheKeyFn: (u) => u.id },
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
