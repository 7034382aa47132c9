import { TableIndex, type MigrationInterface, type QueryRunner } from "typeorm";

/**
 * Reports by status and day: the anomaly rules look up the few rejected reports (without it MariaDB
 * has no idea how few there are and reads every receipt of the window to find theirs) and the
 * submitted reports of a window over all markets.
 */
export class AnomalyIndexes1733011200000 implements MigrationInterface {
  name = "AnomalyIndexes1733011200000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createIndex("daily_report", new TableIndex({ name: "IDX_daily_report_status_business_date", columnNames: ["status", "business_date"] }));
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropIndex("daily_report", "IDX_daily_report_status_business_date");
  }
}
