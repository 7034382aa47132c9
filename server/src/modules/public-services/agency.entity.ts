import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { AgencyKind } from "./public-service.enums";

@ObjectType({ description: "Perangkat daerah or instansi: a regional agency, or a vertical or partner institution serving the public." })
@Entity("agency")
export class Agency {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field({ description: "Short stable code, e.g. DPMPTSP." })
  @Column({ type: "varchar", length: 30, unique: true })
  code: string;

  @Field()
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field({ description: "As people say it, e.g. Disdukcapil." })
  @Column({ name: "short_name", type: "varchar", length: 60 })
  shortName: string;

  @Field(() => AgencyKind)
  @Column({ type: "simple-enum", enum: AgencyKind })
  kind: AgencyKind;

  @Field(() => ID, { nullable: true })
  @Index()
  @Column({ name: "parent_id", type: "int", nullable: true })
  parentId: number | null;

  @ManyToOne(() => Agency, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "parent_id" })
  parent?: Agency | null;

  @Field()
  @Column({ type: "boolean", default: true })
  active: boolean;
}
