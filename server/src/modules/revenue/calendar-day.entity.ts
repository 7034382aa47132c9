import { Column, Entity, PrimaryColumn } from "typeorm";

/**
 * One row per day from 2000 to 2099, so that per-day figures (potential, spreading a monthly tariff)
 * are joins instead of recursive date arithmetic that each database spells differently.
 */
@Entity("calendar_day")
export class CalendarDay {
  @PrimaryColumn({ type: "date" })
  day: string;

  @Column({ type: "int" })
  year: number;

  @Column({ type: "int" })
  month: number;

  @Column({ name: "day_of_month", type: "int" })
  dayOfMonth: number;

  @Column({ name: "days_in_month", type: "int" })
  daysInMonth: number;

  /** 1 = Monday ... 7 = Sunday (ISO). */
  @Column({ name: "iso_weekday", type: "int" })
  isoWeekday: number;
}
