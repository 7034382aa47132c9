import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, PrimaryGeneratedColumn } from "typeorm";

/** A wajib retribusi. No national ID number (NIK) is stored: the NPWRD identifies the trader. */
@ObjectType({ description: "A trader (wajib retribusi), identified by NPWRD." })
@Entity("trader")
export class Trader {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "Nomor Pokok Wajib Retribusi Daerah." })
  @Column({ type: "varchar", length: 30, unique: true })
  npwrd: string;

  @Field()
  @Column({ type: "varchar", length: 120 })
  name: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 30, nullable: true })
  phone: string | null;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 80, nullable: true })
  commodity: string | null;

  @Field()
  @Column({ type: "boolean", default: true })
  active: boolean;
}
