import type { MigrationInterface, QueryRunner } from "typeorm";
import { column, id, nullable, portableTable, varchar } from "./table-builder";

/** Leases on background jobs (the nightly anomaly detection) shared by all instances. */
export class JobLock1732752000000 implements MigrationInterface {
  name = "JobLock1732752000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.createTable(
      portableTable(queryRunner, {
        name: "job_lock",
        columns: [
          id,
          varchar("name", 60, { isUnique: true }),
          nullable(varchar("holder", 120)),
          nullable(column("locked_until", "datetime")),
          nullable(varchar("last_run_key", 60)),
          nullable(column("last_run_at", "datetime")),
        ],
      }),
    );
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.dropTable("job_lock");
  }
}
