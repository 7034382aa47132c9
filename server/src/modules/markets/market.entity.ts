import { Field, Float, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { decimalTransformer } from "../../database/transformers";
import { DateTime } from "../../graphql/scalars";
import { User } from "../auth/user.entity";
import { MarketClass, MarketStatus } from "./market.enums";

@ObjectType({ description: "A pasar rakyat run by the Dinas Perdagangan." })
@Entity("market")
export class Market {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field()
  @Column({ type: "varchar", length: 20, unique: true })
  code: string;

  @Field()
  @Column({ type: "varchar", length: 120 })
  name: string;

  @Field({ description: "Kecamatan." })
  @Column({ type: "varchar", length: 80 })
  district: string;

  @Field()
  @Column({ type: "varchar", length: 255 })
  address: string;

  @Field(() => MarketClass)
  @Column({ name: "market_class", type: "simple-enum", enum: MarketClass })
  marketClass: MarketClass;

  @Field({ description: "The UPTD Pasar that runs the market." })
  @Column({ name: "uptd_name", type: "varchar", length: 120 })
  uptdName: string;

  @Field(() => ID, { nullable: true, description: "The Kepala UPTD (a MARKET_HEAD user)." })
  @Index()
  @Column({ name: "head_user_id", type: "int", nullable: true })
  headUserId: number | null;

  @ManyToOne(() => User, { onDelete: "SET NULL" })
  @JoinColumn({ name: "head_user_id" })
  head?: User | null;

  @Field(() => MarketStatus)
  @Column({ type: "simple-enum", enum: MarketStatus, default: MarketStatus.ACTIVE })
  status: MarketStatus;

  @Field(() => Float, { nullable: true })
  @Column({ type: "decimal", precision: 9, scale: 6, nullable: true, transformer: decimalTransformer })
  latitude: number | null;

  @Field(() => Float, { nullable: true })
  @Column({ type: "decimal", precision: 9, scale: 6, nullable: true, transformer: decimalTransformer })
  longitude: number | null;

  @Field(() => DateTime)
  @Column({ name: "created_at", type: "datetime" })
  createdAt: Date;

  @Field(() => DateTime)
  @Column({ name: "updated_at", type: "datetime" })
  updatedAt: Date;
}
