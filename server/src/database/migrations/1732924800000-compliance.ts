import type { MigrationInterface, QueryRunner } from "typeorm";
import { column, fk, id, nullable, portableTable, varchar } from "./table-builder";

/**
 * Ombudsman compliance: units' scores per year, the regency's targets, and the regency averages the
 * Ombudsman published. Scores are integer hundredths; categories and zones are derived, not stored.
 */
export class Compliance1732924800000 implements MigrationInterface {
  name = "Compliance1732924800000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const stamps = [column("created_at", "datetime"), column("updated_at", "datetime")];
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "compliance_assessment",
        columns: [
          id,
          column("agency_id", "int"),
          column("year", "int"),
          column("score_hundredths", "int"),
          nullable(column("input_score_hundredths", "int")),
          nullable(column("process_score_hundredths", "int")),
          nullable(column("output_score_hundredths", "int")),
          nullable(column("complaints_score_hundredths", "int")),
          varchar("assessor", 200),
          nullable(varchar("note", 1000)),
          ...stamps,
        ],
        uniques: [{ columnNames: ["agency_id", "year"] }],
        indices: [{ columnNames: ["year"] }],
        foreignKeys: [fk("agency_id", "agency")],
      }),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "compliance_target",
        columns: [id, column("year", "int", { isUnique: true }), column("target_hundredths", "int"), nullable(varchar("basis", 300)), ...stamps],
      }),
    );
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "compliance_published_average",
        columns: [
          id, column("year", "int", { isUnique: true }), column("average_hundredths", "int"), varchar("source", 300), nullable(varchar("note", 1000)), ...stamps,
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("compliance_published_average");
    await queryRunner.dropTable("compliance_target");
    await queryRunner.dropTable("compliance_assessment");
  }
}
