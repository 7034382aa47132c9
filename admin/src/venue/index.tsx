import { registerRefusalTranslator } from "../providers/dataProvider";
import { registerMessages } from "../providers/i18nProvider";
import { VENUE_RESOURCES, translateVenueRefusal } from "./errors";
import { enVenueMessages, idVenueMessages } from "./messages";

// This chunk's messages and refusals, before any of its screens renders.
registerMessages({ id: idVenueMessages, en: enVenueMessages });
for (const resource of VENUE_RESOURCES) registerRefusalTranslator([resource], translateVenueRefusal(resource));

export { VenueCounterCreate, VenueCounterEdit, VenueCounterList, VenueCounterShow } from "./counter";
export { FacilityCreate, FacilityEdit, FacilityList } from "./facility";
export { ServiceVenueCreate, ServiceVenueEdit, ServiceVenueList, ServiceVenueShow } from "./venue";
export { VenueVisitsCreate, VenueVisitsEdit, VenueVisitsList } from "./visits";
