import { openDB, type DBSchema, type IDBPDatabase } from "idb";
import type { CollectionSheet, DailyReportInput, DepositInput, MarketChoice } from "./collector-api";

/**
 * What a collector's phone keeps in IndexedDB, so that nothing typed in a market without signal is
 * lost: the report being filled in (draft), the reports and deposits waiting to be sent or already
 * answered (outbox), and the last collection sheet and market list fetched (to keep working offline).
 */

export interface DraftReceipt {
  stallId: string;
  stallCode: string;
  series: string;
  number: number;
  amount: number;
  /** ISO instant; only for a report of today (the server wants it on the business date). */
  collectedAt: string | null;
}

export interface Draft {
  key: string;
  userId: string;
  marketId: string;
  businessDate: string;
  /** Generated when the draft starts; the report keeps it through every retry. */
  clientId: string;
  receipts: DraftReceipt[];
}

export type OutboxStatus = "pending" | "accepted" | "refused";

interface OutboxBase {
  clientId: string;
  userId: string;
  marketId: string;
  marketName: string;
  status: OutboxStatus;
  /** ISO instant the collector pressed send. */
  createdAt: string;
  attempts: number;
  /** The server's id once accepted. */
  serverId: string | null;
  answeredAt: string | null;
  /** Why the server refused it (its message, and the fields it named). */
  refusal: { code: string; message: string; fields: Record<string, string> } | null;
}

export interface OutboxReport extends OutboxBase {
  kind: "report";
  businessDate: string;
  total: number;
  receiptCount: number;
  input: DailyReportInput;
  /** The receipts as typed, to put back into a draft if the server refuses the report. */
  receipts: DraftReceipt[];
}

export interface OutboxDeposit extends OutboxBase {
  kind: "deposit";
  total: number;
  input: DepositInput;
}

export type OutboxEntry = OutboxReport | OutboxDeposit;

export interface StoredSheet {
  key: string;
  fetchedAt: string;
  sheet: CollectionSheet;
}

export interface StoredMarkets {
  userId: string;
  fetchedAt: string;
  markets: MarketChoice[];
}

interface CollectorDB extends DBSchema {
  drafts: { key: string; value: Draft };
  outbox: { key: string; value: OutboxEntry; indexes: { byUser: string } };
  sheets: { key: string; value: StoredSheet };
  markets: { key: string; value: StoredMarkets };
}

const DB_NAME = "lapera-collector";

let opened: Promise<IDBPDatabase<CollectorDB>> | null = null;

export function deviceStore(): Promise<IDBPDatabase<CollectorDB>> {
  opened ??= openDB<CollectorDB>(DB_NAME, 1, {
    upgrade(db) {
      db.createObjectStore("drafts", { keyPath: "key" });
      db.createObjectStore("outbox", { keyPath: "clientId" }).createIndex("byUser", "userId");
      db.createObjectStore("sheets", { keyPath: "key" });
      db.createObjectStore("markets", { keyPath: "userId" });
    },
  });
  return opened;
}

/** A draft and a sheet belong to one collector, market and day. */
export const dayKey = (userId: string, marketId: string, businessDate: string) => `${userId}:${marketId}:${businessDate}`;

/** Answered entries older than this are dropped from the device; pending ones never are. */
const KEEP_ANSWERED_MS = 14 * 24 * 3600_000;

export async function outboxOf(userId: string): Promise<OutboxEntry[]> {
  const all = await (await deviceStore()).getAllFromIndex("outbox", "byUser", userId);
  return all.sort((a, b) => a.createdAt.localeCompare(b.createdAt));
}

export async function putOutbox(entry: OutboxEntry): Promise<void> {
  await (await deviceStore()).put("outbox", entry);
}

export async function pruneOutbox(userId: string, now = Date.now()): Promise<void> {
  const db = await deviceStore();
  for (const entry of await outboxOf(userId)) {
    if (entry.status === "accepted" && entry.answeredAt && now - Date.parse(entry.answeredAt) > KEEP_ANSWERED_MS) {
      await db.delete("outbox", entry.clientId);
    }
  }
}

/**
 * The report leaves the draft and enters the outbox in one transaction: after a crash it is in
 * exactly one of the two.
 */
export async function moveDraftToOutbox(draftKey: string, entry: OutboxReport): Promise<void> {
  const tx = (await deviceStore()).transaction(["drafts", "outbox"], "readwrite");
  await Promise.all([tx.objectStore("outbox").add(entry), tx.objectStore("drafts").delete(draftKey), tx.done]);
}

/** A refused report goes back to being a draft (with a new clientId), to be corrected and sent again. */
export async function moveOutboxToDraft(entry: OutboxReport, draft: Draft): Promise<void> {
  const tx = (await deviceStore()).transaction(["drafts", "outbox"], "readwrite");
  await Promise.all([tx.objectStore("drafts").put(draft), tx.objectStore("outbox").delete(entry.clientId), tx.done]);
}

export async function deleteOutbox(clientId: string): Promise<void> {
  await (await deviceStore()).delete("outbox", clientId);
}
