import { Platform1732320000000 } from "./1732320000000-platform";
import { ReceiptsRevenue1732406400000 } from "./1732406400000-receipts-revenue";
import { PaymentsBills1732492800000 } from "./1732492800000-payments-bills";
import { PaymentsStatements1732579200000 } from "./1732579200000-payments-statements";
import { Anomalies1732665600000 } from "./1732665600000-anomalies";
import { JobLock1732752000000 } from "./1732752000000-job-lock";
import { PublicServices1732838400000 } from "./1732838400000-public-services";
import { Compliance1732924800000 } from "./1732924800000-compliance";
import { AnomalyIndexes1733011200000 } from "./1733011200000-anomaly-indexes";
import { Venues1733097600000 } from "./1733097600000-venues";
import { Complaints1733184000000 } from "./1733184000000-complaints";
import { InnovationsDelivery1733270400000 } from "./1733270400000-innovations-delivery";

/** Every migration, oldest first; the same list runs on SQLite and MySQL/MariaDB. */
export const MIGRATIONS = [Platform1732320000000, ReceiptsRevenue1732406400000, PaymentsBills1732492800000, PaymentsStatements1732579200000, Anomalies1732665600000, JobLock1732752000000, PublicServices1732838400000, Compliance1732924800000, AnomalyIndexes1733011200000, Venues1733097600000, Complaints1733184000000, InnovationsDelivery1733270400000];
