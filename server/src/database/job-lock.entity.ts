import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/** A lease on a background job, shared by every instance through the database. */
@Entity("job_lock")
export class JobLock {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 60, unique: true })
  name: string;

  @Column({ type: "varchar", length: 120, nullable: true })
  holder: string | null;

  @Column({ name: "locked_until", type: "datetime", nullable: true })
  lockedUntil: Date | null;

  /** What the last completed run was for (e.g. the night's date), so a second instance does not redo it. */
  @Column({ name: "last_run_key", type: "varchar", length: 60, nullable: true })
  lastRunKey: string | null;

  @Column({ name: "last_run_at", type: "datetime", nullable: true })
  lastRunAt: Date | null;
}
