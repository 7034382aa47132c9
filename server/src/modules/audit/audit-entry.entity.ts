import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** Append-only record of every write: who, when, what, and the state before and after. */
@Entity("audit_entry")
@Index(["entity", "entityId"])
export class AuditEntry {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "datetime" })
  at: Date;

  @Column({ name: "user_id", type: "int", nullable: true })
  userId: number | null;

  @Column({ type: "varchar", length: 40 })
  action: string;

  @Column({ type: "varchar", length: 60 })
  entity: string;

  @Column({ name: "entity_id", type: "varchar", length: 40 })
  entityId: string;

  @Column({ type: "simple-json", nullable: true })
  before: Record<string, unknown> | null;

  @Column({ type: "simple-json", nullable: true })
  after: Record<string, unknown> | null;

  @Column({ name: "request_id", type: "varchar", length: 64, nullable: true })
  requestId: string | null;
}
