import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";

/** Kept in the database, not in memory, so that every API instance enforces the same login limits. */
@Entity("login_attempt")
@Index(["username", "at"])
@Index(["ip", "at"])
export class LoginAttempt {
  @PrimaryGeneratedColumn()
  id: number;

  @Column({ type: "varchar", length: 64 })
  username: string;

  @Column({ type: "varchar", length: 64 })
  ip: string;

  @Column({ type: "datetime" })
  at: Date;

  @Column({ type: "boolean" })
  success: boolean;
}
