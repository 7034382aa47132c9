import polyglotI18nProvider from "ra-i18n-polyglot";
import type { TranslationMessages } from "ra-core";
import { enMessages } from "./i18n/en";
import { idMessages } from "./i18n/id";

export const DEFAULT_LOCALE = "id";

const messages: Record<string, TranslationMessages> = { id: idMessages, en: enMessages };

/**
 * Indonesian by default, English on request (the AppBar shows a language menu because two locales
 * are declared). react-admin remembers the choice in its localStorage store.
 */
export const i18nProvider = polyglotI18nProvider(
  (locale) => messages[locale] ?? idMessages,
  DEFAULT_LOCALE,
  [
    { locale: "id", name: "Bahasa Indonesia" },
    { locale: "en", name: "English" },
  ],
);
