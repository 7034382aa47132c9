import type { MigrationInterface, QueryRunner } from "typeorm";
import { ComplaintChannel, ComplaintClassification, ComplaintStatus } from "../../modules/complaints/complaint.enums";
import { column, enumColumn, fk, id, nullable, portableTable, varchar } from "./table-builder";

/** SP4N-LAPOR! complaints with their deadlines, and their follow-up entries. */
export class Complaints1733184000000 implements MigrationInterface {
  name = "Complaints1733184000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "complaint",
        columns: [
          id,
          varchar("tracking_number", 40, { isUnique: true }),
          enumColumn("channel", ComplaintChannel),
          enumColumn("classification", ComplaintClassification),
          varchar("category", 80),
          varchar("subject", 200),
          varchar("text", 4000),
          nullable(column("agency_id", "int")),
          nullable(column("market_id", "int")),
          varchar("tags", 200, { default: "" }),
          enumColumn("status", ComplaintStatus),
          column("received_at", "datetime"),
          nullable(column("verified_at", "datetime")),
          nullable(column("disposed_at", "datetime")),
          nullable(column("first_follow_up_at", "datetime")),
          nullable(column("resolved_at", "datetime")),
          column("last_action_at", "datetime"),
          column("verify_due_at", "datetime"),
          nullable(column("follow_up_due_at", "datetime")),
          column("resolve_due_at", "datetime"),
          column("created_at", "datetime"),
          column("updated_at", "datetime"),
        ],
        indices: [
          { columnNames: ["status"] },
          { columnNames: ["agency_id", "received_at"] },
          { columnNames: ["market_id", "received_at"] },
          { columnNames: ["received_at"] },
        ],
        foreignKeys: [fk("agency_id", "agency"), fk("market_id", "market")],
      }),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "complaint_follow_up",
        columns: [
          id,
          column("complaint_id", "int"),
          column("author_id", "int"),
          varchar("text", 2000),
          nullable(enumColumn("status_from", ComplaintStatus)),
          nullable(enumColumn("status_to", ComplaintStatus)),
          column("created_at", "datetime"),
        ],
        indices: [{ columnNames: ["complaint_id", "created_at"] }],
        foreignKeys: [fk("complaint_id", "complaint"), fk("author_id", "user")],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("complaint_follow_up");
    await queryRunner.dropTable("complaint");
  }
}
