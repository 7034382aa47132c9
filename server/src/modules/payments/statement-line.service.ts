import { ReadService, type ResourceSpec } from "../../common/read.service";
import { StatementLine } from "./statement-line.entity";

/** The lines of imported statements; the treasury account has no market, so there is no market scope. */
export class StatementLineService extends ReadService<StatementLine> {
  protected readonly spec: ResourceSpec<StatementLine> = {
    name: "StatementLine",
    entity: StatementLine,
    searchFields: ["reference", "description"],
    filterFields: ["statementId", "matchStatus", "valueDate", "reference", "paymentId", "depositId", "credit"],
    sortFields: { lineNo: "lineNo", valueDate: "valueDate", credit: "credit", debit: "debit", matchStatus: "matchStatus", reference: "reference" },
  };
}
