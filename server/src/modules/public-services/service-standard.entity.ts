import { Field, ID, Int, ObjectType } from "type-graphql";
import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn, Unique } from "typeorm";
import { moneyTransformer } from "../../database/transformers";
import { DateTime, LocalDate, SafeInt } from "../../graphql/scalars";
import { PublicService } from "./public-service.entity";
import { TimeUnit } from "./public-service.enums";

/**
 * One version of a service's standard (standar pelayanan, the 14 components of PermenPAN-RB
 * 15/2014). Versions are never rewritten once published: a change is a new draft, and publishing
 * it supersedes the previous version, which stays readable.
 */
@ObjectType({ description: "A version of a service's standard: its 14 components, the decree that set it, and whether it is published." })
@Entity("service_standard")
@Unique(["serviceId", "version"])
@Index(["serviceId", "publishedAt"])
export class ServiceStandard {
  @Field(() => ID)
  @PrimaryGeneratedColumn()
  id: number;

  @Field(() => ID)
  @Column({ name: "service_id", type: "int" })
  serviceId: number;

  @ManyToOne(() => PublicService, { onDelete: "RESTRICT" })
  @JoinColumn({ name: "service_id" })
  service?: PublicService;

  @Field(() => Int)
  @Column({ type: "int" })
  version: number;

  @Field(() => [String], { description: "1. Persyaratan, in order." })
  @Column({ type: "simple-json" })
  requirements: string[];

  @Field(() => [String], { description: "2. Sistem, mekanisme dan prosedur: the steps in order." })
  // PROCEDURE is a reserved word in MySQL.
  @Column({ name: "procedure_steps", type: "simple-json" })
  procedure: string[];

  @Field(() => Int, { nullable: true, description: "3. Jangka waktu penyelesaian: how many units." })
  @Column({ name: "completion_time", type: "int", nullable: true })
  completionTime: number | null;

  @Field(() => TimeUnit, { nullable: true })
  @Column({ name: "completion_unit", type: "simple-enum", enum: TimeUnit, nullable: true })
  completionUnit: TimeUnit | null;

  @Field(() => SafeInt, { nullable: true, description: "4. Biaya/tarif in rupiah; 0 is free of charge." })
  @Column({ type: "bigint", nullable: true, transformer: moneyTransformer })
  fee: number | null;

  @Field(() => String, { nullable: true, description: "What the fee is based on, or why it is free." })
  @Column({ name: "fee_note", type: "varchar", length: 500, nullable: true })
  feeNote: string | null;

  @Field(() => String, { nullable: true, description: "5. Produk pelayanan." })
  @Column({ type: "varchar", length: 500, nullable: true })
  product: string | null;

  @Field(() => String, { nullable: true, description: "6. Penanganan pengaduan, saran dan masukan." })
  @Column({ name: "complaint_channel", type: "varchar", length: 500, nullable: true })
  complaintChannel: string | null;

  @Field(() => String, { nullable: true, description: "7. Dasar hukum." })
  @Column({ name: "legal_basis", type: "varchar", length: 1000, nullable: true })
  legalBasis: string | null;

  @Field(() => String, { nullable: true, description: "8. Sarana, prasarana dan fasilitas, including for vulnerable groups." })
  @Column({ type: "varchar", length: 1000, nullable: true })
  facilities: string | null;

  @Field(() => String, { nullable: true, description: "9. Kompetensi pelaksana." })
  @Column({ name: "staff_competence", type: "varchar", length: 1000, nullable: true })
  staffCompetence: string | null;

  @Field(() => String, { nullable: true, description: "10. Pengawasan internal." })
  @Column({ name: "internal_supervision", type: "varchar", length: 1000, nullable: true })
  internalSupervision: string | null;

  @Field(() => Int, { nullable: true, description: "11. Jumlah pelaksana." })
  @Column({ name: "staff_count", type: "int", nullable: true })
  staffCount: number | null;

  @Field(() => String, { nullable: true, description: "12. Jaminan pelayanan." })
  @Column({ name: "service_guarantee", type: "varchar", length: 1000, nullable: true })
  serviceGuarantee: string | null;

  @Field(() => String, { nullable: true, description: "13. Jaminan keamanan dan keselamatan pelayanan." })
  @Column({ name: "security_guarantee", type: "varchar", length: 1000, nullable: true })
  securityGuarantee: string | null;

  @Field(() => String, { nullable: true, description: "14. Evaluasi kinerja pelaksana." })
  @Column({ name: "performance_evaluation", type: "varchar", length: 1000, nullable: true })
  performanceEvaluation: string | null;

  @Field(() => Int, { description: "How many of the 14 components are filled." })
  @Column({ name: "filled_components", type: "int" })
  filledComponents: number;

  @Field(() => String, { nullable: true, description: "Nomor SK that set this standard." })
  @Column({ name: "decree_number", type: "varchar", length: 120, nullable: true })
  decreeNumber: string | null;

  @Field(() => LocalDate, { nullable: true })
  @Column({ name: "decree_date", type: "date", nullable: true })
  decreeDate: string | null;

  @Field(() => DateTime)
  @Column({ name: "created_at", type: "datetime" })
  createdAt: Date;

  @Column({ name: "created_by_id", type: "int", nullable: true })
  createdById: number | null;

  @Field(() => DateTime, { nullable: true, description: "Null while a draft." })
  @Column({ name: "published_at", type: "datetime", nullable: true })
  publishedAt: Date | null;

  @Column({ name: "published_by_id", type: "int", nullable: true })
  publishedById: number | null;

  @Field(() => DateTime, { nullable: true, description: "When a later version was published in its place." })
  @Column({ name: "superseded_at", type: "datetime", nullable: true })
  supersededAt: Date | null;
}
