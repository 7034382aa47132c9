import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DateTime } from "../../graphql/scalars";
import { User } from "../auth/user.entity";
import { Complaint } from "./complaint.entity";
import { ComplaintStatus } from "./complaint.enums";

@ObjectType({ description: "An entry in a complaint's follow-up (tindak lanjut): what was done, and the status change it carried, if any." })
@Entity("complaint_follow_up")
@Index(["complaintId", "createdAt"])
export class ComplaintFollowUp {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ name: "complaint_id", type: "int" })
  complaintId: number;

  @ManyToOne(() => Complaint, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "complaint_id" })
  complaint?: Complaint;

  @Field(() => ID)
  @Column({ name: "author_id", type: "int" })
  authorId: number;

  @ManyToOne(() => User, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "author_id" })
  author?: User;

  @Field()
  @Column({ type: "varchar", length: 2000 })
  text: string;

  @Field(() => ComplaintStatus, { nullable: true, description: "The status before, when this entry changed it." })
  @Column({ name: "status_from", type: "simple-enum", enum: ComplaintStatus, nullable: true })
  statusFrom: ComplaintStatus | null;

  @Field(() => ComplaintStatus, { nullable: true, description: "The status it set, if any." })
  @Column({ name: "status_to", type: "simple-enum", enum: ComplaintStatus, nullable: true })
  statusTo: ComplaintStatus | null;

  @Field(() => DateTime)
  @Column({ name: "created_at", type: "datetime" })
  createdAt: Date;
}
