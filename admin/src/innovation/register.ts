import { registerMessages } from "../providers/i18nProvider";
import { enInnovationMessages, idInnovationMessages } from "./messages";

// Evaluated once with the chunk, by whichever screen of the set is imported first.
registerMessages({ id: idInnovationMessages, en: enInnovationMessages });
