import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, PrimaryGeneratedColumn } from "typeorm";
import { moneyTransformer } from "../../database/transformers";
import { LocalDate, SafeInt } from "../../graphql/scalars";
import { MarketClass, StallKind, TariffBasis } from "./market.enums";

@ObjectType({ description: "A retribution rate with its legal basis; periods of one kind and class never overlap." })
@Entity("tariff")
@Index(["stallKind", "marketClass", "validFrom"])
export class Tariff {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => StallKind)
  @Column({ name: "stall_kind", type: "simple-enum", enum: StallKind })
  stallKind: StallKind;

  @Field(() => MarketClass)
  @Column({ name: "market_class", type: "simple-enum", enum: MarketClass })
  marketClass: MarketClass;

  @Field(() => TariffBasis)
  @Column({ type: "simple-enum", enum: TariffBasis })
  basis: TariffBasis;

  @Field(() => SafeInt, { description: "Rupiah per basis unit." })
  @Column({ type: "bigint", transformer: moneyTransformer })
  amount: number;

  @Field(() => LocalDate)
  @Column({ name: "valid_from", type: "date" })
  validFrom: string;

  @Field(() => LocalDate, { nullable: true })
  @Column({ name: "valid_to", type: "date", nullable: true })
  validTo: string | null;

  @Field({ description: "E.g. Perda Kabupaten Bekasi No. 8 Tahun 2023." })
  @Column({ name: "legal_basis", type: "varchar", length: 255 })
  legalBasis: string;
}
