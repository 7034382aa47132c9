import { TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";
import { BankStatementStatus, PaymentChannel, PaymentMatchStatus, PaymentSource, StatementMatchStatus } from "../../modules/payments/payment.enums";
import { column, enumColumn, fk, id, nullable, portableTable, varchar } from "./table-builder";


/** Online payments, bank statements and their lines. */
export class PaymentsStatements1732579200000 implements MigrationInterface {
  name = "PaymentsStatements1732579200000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "payment",
        columns: [
          id,
          enumColumn("channel", PaymentChannel),
          varchar("external_ref", 64),
          varchar("payment_code", 20),
          column("amount", "bigint"),
          column("paid_at", "datetime"),
          nullable(varchar("payer_name", 120)),
          nullable(varchar("issuer", 60)),
          nullable(column("raw_notification", "simple-json")),
          nullable(column("bill_id", "int")),
          nullable(column("market_id", "int")),
          enumColumn("match_status", PaymentMatchStatus),
          nullable(column("revenue_date", "date")),
          enumColumn("source", PaymentSource),
          column("recorded_at", "datetime"),
          nullable(column("recorded_by_id", "int")),
          nullable(column("reversed_at", "datetime")),
          nullable(column("reversed_by_id", "int")),
          nullable(varchar("reversal_reason", 500)),
        ],
        indices: [
          { columnNames: ["channel", "external_ref"], isUnique: true },
          { columnNames: ["market_id", "paid_at"] },
          { columnNames: ["match_status", "paid_at"] },
          { columnNames: ["market_id", "revenue_date"] },
          { columnNames: ["payment_code"] },
          { columnNames: ["paid_at"] },
          { columnNames: ["bill_id"] },
        ],
        foreignKeys: [fk("bill_id", "bill"), fk("market_id", "market"), fk("recorded_by_id", "user"), fk("reversed_by_id", "user")],
      }),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "bank_statement",
        columns: [
          id,
          varchar("account_no", 34),
          varchar("file_name", 200),
          varchar("file_digest", 64, { isUnique: true }),
          enumColumn("status", BankStatementStatus),
          column("line_count", "int"),
          column("lines_imported", "int"),
          column("credit_total", "bigint"),
          column("debit_total", "bigint"),
          nullable(column("first_value_date", "date")),
          nullable(column("last_value_date", "date")),
          column("matched_count", "int"),
          column("matched_amount", "bigint"),
          column("unmatched_count", "int"),
          column("unmatched_amount", "bigint"),
          column("imported_by_id", "int"),
          column("imported_at", "datetime"),
          nullable(column("completed_at", "datetime")),
        ],
        indices: [{ columnNames: ["status", "imported_at"] }],
        foreignKeys: [fk("imported_by_id", "user")],
      }),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "statement_line",
        columns: [
          id,
          column("statement_id", "int"),
          column("line_no", "int"),
          column("value_date", "date"),
          varchar("description", 255),
          nullable(varchar("reference", 64)),
          column("credit", "bigint"),
          column("debit", "bigint"),
          nullable(column("balance", "bigint")),
          enumColumn("match_status", StatementMatchStatus),
          nullable(column("payment_id", "int", { isUnique: true })),
          nullable(column("deposit_id", "int", { isUnique: true })),
        ],
        indices: [
          { columnNames: ["statement_id", "line_no"], isUnique: true },
          { columnNames: ["match_status", "value_date"] },
          { columnNames: ["value_date"] },
          { columnNames: ["reference"] },
        ],
        foreignKeys: [fk("statement_id", "bank_statement"), fk("payment_id", "payment"), fk("deposit_id", "deposit")],
      }),
    );
    // Statement lines quote a deposit's bank reference (NTB) or its STS number.
    await queryRunner.createIndex("deposit", new TableIndex({ name: "IDX_deposit_bank_reference", columnNames: ["bank_reference"] }));
    await queryRunner.createIndex("deposit", new TableIndex({ name: "IDX_deposit_sts_number", columnNames: ["sts_number"] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex("deposit", "IDX_deposit_bank_reference");
    await queryRunner.dropIndex("deposit", "IDX_deposit_sts_number");
    await queryRunner.dropTable("statement_line");
    await queryRunner.dropTable("bank_statement");
    await queryRunner.dropTable("payment");
  }
}
