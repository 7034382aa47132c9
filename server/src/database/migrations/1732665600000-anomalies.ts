import type { MigrationInterface, QueryRunner } from "typeorm";
import { AnomalyResolution, AnomalySeverity, AnomalyStatus, DetectionTrigger } from "../../modules/anomalies/anomaly.enums";
import { column, enumColumn, fk, id, nullable, portableTable, varchar } from "./table-builder";

/** Findings of the detection rules, their history, the runs that found them, and returned unsold tickets. */
export class Anomalies1732665600000 implements MigrationInterface {
  name = "Anomalies1732665600000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "anomaly",
        columns: [
          id,
          varchar("fingerprint", 191, { isUnique: true }),
          varchar("rule", 40),
          enumColumn("severity", AnomalySeverity),
          enumColumn("status", AnomalyStatus),
          nullable(column("market_id", "int")),
          nullable(column("collector_id", "int")),
          nullable(column("stall_id", "int")),
          nullable(column("business_date", "date")),
          column("amount_at_risk", "bigint"),
          varchar("summary_id", 500),
          varchar("summary_en", 500),
          column("evidence", "simple-json"),
          column("detected_at", "datetime"),
          column("last_seen_at", "datetime"),
          nullable(column("assignee_id", "int")),
          nullable(enumColumn("resolution", AnomalyResolution)),
          nullable(varchar("resolution_note", 1000)),
          nullable(column("resolved_at", "datetime")),
        ],
        indices: [
          { columnNames: ["market_id", "business_date", "status"] },
          { columnNames: ["rule", "status"] },
          { columnNames: ["status", "severity"] },
          { columnNames: ["collector_id"] },
          { columnNames: ["business_date"] },
        ],
      }),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "anomaly_event",
        columns: [
          id,
          column("anomaly_id", "int"),
          column("at", "datetime"),
          nullable(column("user_id", "int")),
          varchar("action", 20),
          nullable(enumColumn("from_status", AnomalyStatus)),
          enumColumn("to_status", AnomalyStatus),
          nullable(varchar("note", 1000)),
        ],
        indices: [{ columnNames: ["anomaly_id", "at"] }],
        foreignKeys: [fk("anomaly_id", "anomaly")],
      }),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "detection_run",
        columns: [
          id,
          enumColumn("run_trigger", DetectionTrigger),
          column("from_date", "date"),
          column("to_date", "date"),
          nullable(column("market_ids", "simple-json")),
          column("started_at", "datetime"),
          column("finished_at", "datetime"),
          nullable(column("user_id", "int")),
          column("found", "int"),
          column("created", "int"),
          column("reopened", "int"),
          column("auto_resolved", "int"),
        ],
      }),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "ticket_return",
        columns: [id, column("book_id", "int"), column("first_number", "int"), column("last_number", "int"), column("returned_at", "datetime"), column("recorded_by_id", "int")],
        indices: [{ columnNames: ["book_id", "first_number"] }],
        foreignKeys: [fk("book_id", "ticket_book"), fk("recorded_by_id", "user")],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("ticket_return");
    await queryRunner.dropTable("detection_run");
    await queryRunner.dropTable("anomaly_event");
    await queryRunner.dropTable("anomaly");
  }
}
