import { type MigrationInterface, type QueryRunner } from "typeorm";
import { BillStatus } from "../../modules/payments/payment.enums";
import { column, enumColumn, fk, id, nullable, portableTable, varchar } from "./table-builder";


/** SKRD bills of monthly-billed stalls. */
export class PaymentsBills1732492800000 implements MigrationInterface {
  name = "PaymentsBills1732492800000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "bill",
        columns: [
          id,
          varchar("bill_number", 40, { isUnique: true }),
          varchar("payment_code", 20, { isUnique: true }),
          varchar("period", 7),
          column("market_id", "int"),
          column("stall_id", "int"),
          column("permit_id", "int"),
          column("trader_id", "int"),
          column("principal", "bigint"),
          column("due_date", "date"),
          enumColumn("status", BillStatus),
          column("issued_at", "datetime"),
          nullable(column("paid_at", "datetime")),
        ],
        indices: [
          { columnNames: ["permit_id", "period"], isUnique: true },
          { columnNames: ["market_id", "period"] },
          { columnNames: ["status", "due_date"] },
          { columnNames: ["stall_id"] },
          { columnNames: ["trader_id"] },
        ],
        foreignKeys: [fk("market_id", "market"), fk("stall_id", "stall"), fk("permit_id", "stall_permit"), fk("trader_id", "trader")],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("bill");
  }
}
