import { type MigrationInterface, type QueryRunner } from "typeorm";
import { DailyReportStatus, DepositStatus } from "../../modules/receipts/receipt.enums";
import { column, enumColumn, fk, id, nullable, portableTable, varchar } from "./table-builder";


const money = (name: string) => column(name, "bigint");
const zeroMoney = (name: string) => column(name, "bigint", { default: 0 });

/** The calendar rows, computed in UTC so that no local time zone shifts a day. */
function calendarRows(first: string, last: string): unknown[][] {
  const rows: unknown[][] = [];
  const end = new Date(`${last}T00:00:00Z`).getTime();
  for (let t = new Date(`${first}T00:00:00Z`).getTime(); t <= end; t += 86_400_000) {
    const d = new Date(t);
    const year = d.getUTCFullYear();
    const month = d.getUTCMonth() + 1;
    const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
    rows.push([d.toISOString().slice(0, 10), year, month, d.getUTCDate(), daysInMonth, ((d.getUTCDay() + 6) % 7) + 1]);
  }
  return rows;
}

/** Daily reports with their receipts, deposits, and the revenue summary with its calendar. */
export class ReceiptsRevenue1732406400000 implements MigrationInterface {
  name = "ReceiptsRevenue1732406400000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const create = (options: Parameters<typeof portableTable>[1]) =>
      queryRunner.createTable(portableTable(queryRunner, options), false, true, true);

    await create({
      name: "daily_report",
      columns: [
        id,
        varchar("client_id", 64, { isUnique: true }),
        varchar("content_hash", 64),
        column("market_id", "int"),
        column("collector_id", "int"),
        column("submitted_by_id", "int"),
        column("business_date", "date"),
        enumColumn("status", DailyReportStatus),
        column("receipt_count", "int"),
        money("total"),
        nullable(varchar("note", 500)),
        column("submitted_at", "datetime"),
        nullable(column("rejected_at", "datetime")),
        nullable(column("rejected_by_id", "int")),
        nullable(varchar("rejection_reason", 500)),
      ],
      indices: [{ columnNames: ["market_id", "business_date"] }, { columnNames: ["collector_id", "business_date"] }],
      foreignKeys: [
        fk("market_id", "market", "RESTRICT"),
        fk("collector_id", "user", "RESTRICT"),
        fk("submitted_by_id", "user", "RESTRICT"),
        fk("rejected_by_id", "user", "RESTRICT"),
      ],
    });
    await create({
      name: "receipt",
      columns: [
        id,
        column("report_id", "int"),
        column("market_id", "int"),
        column("stall_id", "int"),
        column("business_date", "date"),
        varchar("series", 20),
        column("number", "int"),
        money("amount"),
        nullable(column("collected_at", "datetime")),
      ],
      indices: [
        { columnNames: ["business_date", "market_id", "amount"] },
        { columnNames: ["series", "number"] },
        { columnNames: ["stall_id", "business_date"] },
        { columnNames: ["report_id"] },
      ],
      foreignKeys: [fk("report_id", "daily_report", "RESTRICT"), fk("stall_id", "stall", "RESTRICT")],
    });
    await create({
      name: "deposit",
      columns: [
        id,
        varchar("client_id", 64, { isUnique: true }),
        varchar("content_hash", 64),
        column("collector_id", "int"),
        column("market_id", "int"),
        money("amount"),
        money("reports_total"),
        column("deposited_at", "datetime"),
        varchar("sts_number", 60),
        nullable(varchar("bank_reference", 60)),
        enumColumn("status", DepositStatus),
        column("recorded_at", "datetime"),
        column("recorded_by_id", "int"),
        nullable(column("verified_by_id", "int")),
        nullable(column("verified_at", "datetime")),
        nullable(varchar("verification_note", 500)),
      ],
      indices: [
        { columnNames: ["market_id", "deposited_at"] },
        { columnNames: ["status", "deposited_at"] },
        { columnNames: ["collector_id"] },
      ],
      foreignKeys: [
        fk("collector_id", "user", "RESTRICT"),
        fk("market_id", "market", "RESTRICT"),
        fk("recorded_by_id", "user", "RESTRICT"),
        fk("verified_by_id", "user", "RESTRICT"),
      ],
    });
    await create({
      name: "deposit_report",
      columns: [
        id,
        column("deposit_id", "int"),
        column("report_id", "int"),
        nullable(column("live_report_id", "int", { isUnique: true })),
        money("allocated"),
      ],
      indices: [{ columnNames: ["deposit_id"] }, { columnNames: ["report_id"] }],
      foreignKeys: [fk("deposit_id", "deposit", "RESTRICT"), fk("report_id", "daily_report", "RESTRICT")],
    });
    await create({
      name: "daily_market_summary",
      columns: [
        { ...column("market_id", "int"), isPrimary: true },
        { ...column("business_date", "date"), isPrimary: true },
        zeroMoney("potential"),
        zeroMoney("collected"),
        zeroMoney("paid_online"),
        zeroMoney("deposited"),
        column("receipt_count", "int", { default: 0 }),
        column("report_count", "int", { default: 0 }),
      ],
      foreignKeys: [fk("market_id", "market", "CASCADE")],
    });
    await create({
      name: "summary_horizon",
      columns: [{ ...column("id", "int"), isPrimary: true }, column("potential_until", "date")],
    });
    await create({
      name: "calendar_day",
      columns: [
        { ...column("day", "date"), isPrimary: true },
        column("year", "int"),
        column("month", "int"),
        column("day_of_month", "int"),
        column("days_in_month", "int"),
        column("iso_weekday", "int"),
      ],
    });
    const rows = calendarRows("2000-01-01", "2099-12-31");
    for (let i = 0; i < rows.length; i += 500) {
      const chunk = rows.slice(i, i + 500);
      await queryRunner.query(
        `INSERT INTO calendar_day (day, year, month, day_of_month, days_in_month, iso_weekday) VALUES ${chunk.map(() => "(?, ?, ?, ?, ?, ?)").join(", ")}`,
        chunk.flat(),
      );
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of ["calendar_day", "summary_horizon", "daily_market_summary", "deposit_report", "deposit", "receipt", "daily_report"]) {
      await queryRunner.dropTable(name);
    }
  }
}
