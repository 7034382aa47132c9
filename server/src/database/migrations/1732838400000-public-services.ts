import type { MigrationInterface, QueryRunner } from "typeorm";
import { AgencyKind, TimeUnit } from "../../modules/public-services/public-service.enums";
import { column, enumColumn, fk, id, nullable, portableTable, varchar } from "./table-builder";

/** The public-service inventory: agencies, their services and the versions of each service's standard. */
export class PublicServices1732838400000 implements MigrationInterface {
  name = "PublicServices1732838400000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "agency",
        columns: [
          id,
          varchar("code", 30, { isUnique: true }),
          varchar("name", 200),
          varchar("short_name", 60),
          enumColumn("kind", AgencyKind),
          nullable(column("parent_id", "int")),
          column("active", "boolean", { default: true }),
        ],
        indices: [{ columnNames: ["parent_id"] }],
        foreignKeys: [fk("parent_id", "agency")],
      }),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "public_service",
        columns: [
          id,
          column("agency_id", "int"),
          varchar("name", 200),
          varchar("category", 80),
          nullable(varchar("description", 2000)),
          column("at_office", "boolean", { default: true }),
          column("at_mpp", "boolean", { default: false }),
          nullable(varchar("online_url", 300)),
          column("active", "boolean", { default: true }),
          varchar("search_text", 4000, { default: "" }),
        ],
        indices: [{ columnNames: ["agency_id", "active"] }],
        foreignKeys: [fk("agency_id", "agency")],
      }),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "service_standard",
        columns: [
          id,
          column("service_id", "int"),
          column("version", "int"),
          column("requirements", "simple-json"),
          column("procedure_steps", "simple-json"),
          nullable(column("completion_time", "int")),
          nullable(enumColumn("completion_unit", TimeUnit)),
          nullable(column("fee", "bigint")),
          nullable(varchar("fee_note", 500)),
          nullable(varchar("product", 500)),
          nullable(varchar("complaint_channel", 500)),
          nullable(varchar("legal_basis", 1000)),
          nullable(varchar("facilities", 1000)),
          nullable(varchar("staff_competence", 1000)),
          nullable(varchar("internal_supervision", 1000)),
          nullable(column("staff_count", "int")),
          nullable(varchar("service_guarantee", 1000)),
          nullable(varchar("security_guarantee", 1000)),
          nullable(varchar("performance_evaluation", 1000)),
          column("filled_components", "int"),
          nullable(varchar("decree_number", 120)),
          nullable(column("decree_date", "date")),
          column("created_at", "datetime"),
          nullable(column("created_by_id", "int")),
          nullable(column("published_at", "datetime")),
          nullable(column("published_by_id", "int")),
          nullable(column("superseded_at", "datetime")),
        ],
        uniques: [{ columnNames: ["service_id", "version"] }],
        indices: [{ columnNames: ["service_id", "published_at"] }],
        foreignKeys: [fk("service_id", "public_service")],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("service_standard");
    await queryRunner.dropTable("public_service");
    await queryRunner.dropTable("agency");
  }
}
