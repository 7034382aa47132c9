import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * The last day for which potential is kept in the summary (one row, id 1). Potential is defined
 * for every future day too; the summary holds it up to the end of the current year and is extended
 * when the year turns.
 */
@Entity("summary_horizon")
export class SummaryHorizon {
  @PrimaryColumn({ type: "int" })
  id: number;

  @Column({ name: "potential_until", type: "date" })
  potentialUntil: string;
}
