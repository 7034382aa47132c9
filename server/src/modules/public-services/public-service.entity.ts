import { Field, ID, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from "typeorm";
import { Agency } from "./agency.entity";

@ObjectType({ description: "A service an agency delivers to the public (jenis pelayanan), with its channels." })
@Entity("public_service")
@Index(["agencyId", "active"])
export class PublicService {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ name: "agency_id", type: "int" })
  agencyId: number;

  @ManyToOne(() => Agency, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "agency_id" })
  agency?: Agency;

  @Field()
  @Column({ type: "varchar", length: 200 })
  name: string;

  @Field({ description: "E.g. Kependudukan, Perizinan, Kesehatan." })
  @Column({ type: "varchar", length: 80 })
  category: string;

  @Field(() => String, { nullable: true })
  @Column({ type: "varchar", length: 2000, nullable: true })
  description: string | null;

  @Field({ description: "Delivered at the agency's own office." })
  @Column({ name: "at_office", type: "boolean", default: true })
  atOffice: boolean;

  @Field({ description: "Delivered at a counter of the Mal Pelayanan Publik." })
  @Column({ name: "at_mpp", type: "boolean", default: false })
  atMpp: boolean;

  @Field(() => String, { nullable: true, description: "Where to apply online, when it can be." })
  @Column({ name: "online_url", type: "varchar", length: 300, nullable: true })
  onlineUrl: string | null;

  @Field()
  @Column({ type: "boolean", default: true })
  active: boolean;

  /**
   * Service and agency names and the published requirements, lower-cased and without diacritics,
   * so the public catalogue searches case- and accent-insensitively with one LIKE on any database.
   */
  @Column({ name: "search_text", type: "varchar", length: 4000, default: "" })
  searchText: string;
}
