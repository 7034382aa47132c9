import type { MigrationInterface, QueryRunner } from "typeorm";
import { DeliveryMode, InnovationStatus, PostageBorneBy } from "../../modules/public-services/innovation.enums";
import { column, enumColumn, fk, id, nullable, portableTable, varchar } from "./table-builder";

/** The innovation register with the services and markets it concerns, and services' delivery modes. */
export class InnovationsDelivery1733270400000 implements MigrationInterface {
  name = "InnovationsDelivery1733270400000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "innovation",
        columns: [
          id,
          column("agency_id", "int"),
          varchar("name", 160),
          nullable(varchar("short_name", 40)),
          varchar("description", 2000),
          nullable(column("launched_on", "date")),
          enumColumn("status", InnovationStatus),
          nullable(varchar("public_url", 255)),
          column("published", "boolean", { default: false }),
          column("created_at", "datetime"),
          column("updated_at", "datetime"),
        ],
        uniques: [{ columnNames: ["agency_id", "name"] }],
        indices: [{ columnNames: ["published", "status"] }],
        foreignKeys: [fk("agency_id", "agency")],
      }),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "innovation_service",
        columns: [id, column("innovation_id", "int"), column("service_id", "int"), column("position", "int")],
        uniques: [{ columnNames: ["innovation_id", "service_id"] }],
        indices: [{ columnNames: ["service_id"] }],
        foreignKeys: [fk("innovation_id", "innovation", "CASCADE"), fk("service_id", "public_service")],
      }),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "innovation_market",
        columns: [id, column("innovation_id", "int"), column("market_id", "int"), column("position", "int")],
        uniques: [{ columnNames: ["innovation_id", "market_id"] }],
        indices: [{ columnNames: ["market_id"] }],
        foreignKeys: [fk("innovation_id", "innovation", "CASCADE"), fk("market_id", "market")],
      }),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "service_delivery_mode",
        columns: [
          id,
          column("service_id", "int"),
          column("position", "int"),
          enumColumn("mode", DeliveryMode),
          nullable(column("venue_id", "int")),
          nullable(varchar("url", 300)),
          nullable(column("fully_online", "boolean")),
          nullable(enumColumn("postage_borne_by", PostageBorneBy)),
          nullable(column("typical_days", "int")),
          nullable(varchar("places", 300)),
          nullable(varchar("frequency", 200)),
          nullable(varchar("note", 500)),
        ],
        uniques: [{ columnNames: ["service_id", "position"] }],
        indices: [{ columnNames: ["venue_id"] }],
        foreignKeys: [fk("service_id", "public_service", "CASCADE"), fk("venue_id", "service_venue")],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("service_delivery_mode");
    await queryRunner.dropTable("innovation_market");
    await queryRunner.dropTable("innovation_service");
    await queryRunner.dropTable("innovation");
  }
}
