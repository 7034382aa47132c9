import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { DateTime } from "../../graphql/scalars";
import { User } from "../auth/user.entity";
import { TicketBook } from "./ticket-book.entity";

@ObjectType({ description: "Unsold karcis of a book handed back: numbers that were never sold and are no gap." })
@Entity("ticket_return")
@Index(["bookId", "firstNumber"])
export class TicketReturn {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ name: "book_id", type: "int" })
  bookId: number;

  @ManyToOne(() => TicketBook, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "book_id" })
  book?: TicketBook;

  @Field(() => Int)
  @Column({ name: "first_number", type: "int" })
  firstNumber: number;

  @Field(() => Int)
  @Column({ name: "last_number", type: "int" })
  lastNumber: number;

  @Field(() => DateTime)
  @Column({ name: "returned_at", type: "datetime" })
  returnedAt: Date;

  @Field(() => ID)
  @Column({ name: "recorded_by_id", type: "int" })
  recordedById: number;

  @ManyToOne(() => User, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "recorded_by_id" })
  recordedBy?: User;
}
