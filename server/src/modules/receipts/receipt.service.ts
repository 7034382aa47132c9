import type { SelectQueryBuilder } from "typeorm";
import { In } from "typeorm";
import { ReadService, type ResourceSpec } from "../../common/read.service";
import type { Actor } from "../auth/actor";
import { scopeToCollectorOrMarkets } from "./daily-report.service";
import { Receipt } from "./receipt.entity";

export class ReceiptService extends ReadService<Receipt> {
  protected readonly spec: ResourceSpec<Receipt> = {
    name: "Receipt",
    entity: Receipt,
    searchFields: ["series"],
    filterFields: ["reportId", "marketId", "stallId", "series", "businessDate"],
    sortFields: { businessDate: "businessDate", series: "series", number: "number", amount: "amount", stallId: "stallId", reportId: "reportId" },
  };

  protected override applyScope(qb: SelectQueryBuilder<Receipt>, actor: Actor) {
    return scopeToCollectorOrMarkets(qb, actor, "(SELECT d.collector_id FROM daily_report d WHERE d.id = e.report_id)", "e.marketId");
  }

  /** Every receipt of each report, in the order submitted (a report holds at most a few thousand). */
  async byReport(reportIds: readonly number[]): Promise<Map<number, Receipt[]>> {
    const rows = await this.db.manager.find(Receipt, { where: { reportId: In([...reportIds]) }, order: { id: "ASC" } });
    const result = new Map<number, Receipt[]>(reportIds.map((id) => [id, []]));
    for (const row of rows) result.get(row.reportId)?.push(row);
    return result;
  }
}
