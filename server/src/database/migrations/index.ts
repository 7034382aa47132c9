import { Platform1732320000000 } from "./1732320000000-platform";
import { ReceiptsRevenue1732406400000 } from "./1732406400000-receipts-revenue";
import { PaymentsBills1732492800000 } from "./1732492800000-payments-bills";
import { PaymentsStatements1732579200000 } from "./1732579200000-payments-statements";
import { Anomalies1732665600000 } from "./1732665600000-anomalies";

/** Every migration, oldest first; the same list runs on SQLite and MySQL/MariaDB. */
export const MIGRATIONS = [Platform1732320000000, ReceiptsRevenue1732406400000, PaymentsBills1732492800000, PaymentsStatements1732579200000, Anomalies1732665600000];
