import type { MigrationInterface, QueryRunner } from "typeorm";
import { FacilityCondition, FacilityKind, VenueKind } from "../../modules/public-services/venue.enums";
import { column, enumColumn, fk, id, nullable, portableTable, varchar } from "./table-builder";

/** Where services are delivered: venues, agencies' counters and their services, facilities, monthly visitors. */
export class Venues1733097600000 implements MigrationInterface {
  name = "Venues1733097600000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "service_venue",
        columns: [
          id,
          varchar("name", 200, { isUnique: true }),
          enumColumn("kind", VenueKind),
          varchar("address", 300),
          nullable(column("agency_id", "int")),
          nullable(varchar("opening_hours", 300)),
          column("active", "boolean", { default: true }),
        ],
        indices: [{ columnNames: ["kind", "active"] }, { columnNames: ["agency_id"] }],
        foreignKeys: [fk("agency_id", "agency")],
      }),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "venue_counter",
        columns: [
          id,
          column("venue_id", "int"),
          column("agency_id", "int"),
          column("counter_number", "int"),
          column("active_from", "date"),
          nullable(column("active_to", "date")),
        ],
        indices: [{ columnNames: ["venue_id", "counter_number"] }, { columnNames: ["agency_id"] }],
        foreignKeys: [fk("venue_id", "service_venue"), fk("agency_id", "agency")],
      }),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "venue_counter_service",
        columns: [id, column("counter_id", "int"), column("service_id", "int"), column("position", "int")],
        uniques: [{ columnNames: ["counter_id", "service_id"] }],
        indices: [{ columnNames: ["service_id"] }],
        foreignKeys: [fk("counter_id", "venue_counter", "CASCADE"), fk("service_id", "public_service")],
      }),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "facility",
        columns: [
          id,
          column("venue_id", "int"),
          enumColumn("kind", FacilityKind),
          enumColumn("condition_state", FacilityCondition),
          nullable(varchar("note", 500)),
          nullable(column("last_inspected", "date")),
        ],
        indices: [{ columnNames: ["venue_id", "kind"] }, { columnNames: ["condition_state"] }],
        foreignKeys: [fk("venue_id", "service_venue")],
      }),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "venue_visits",
        columns: [
          id,
          column("venue_id", "int"),
          varchar("month", 7),
          column("visitors", "int"),
          column("synthetic", "boolean", { default: false }),
          nullable(varchar("note", 300)),
        ],
        uniques: [{ columnNames: ["venue_id", "month"] }],
        indices: [{ columnNames: ["month"] }],
        foreignKeys: [fk("venue_id", "service_venue")],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("venue_visits");
    await queryRunner.dropTable("facility");
    await queryRunner.dropTable("venue_counter_service");
    await queryRunner.dropTable("venue_counter");
    await queryRunner.dropTable("service_venue");
  }
}
