import polyglotI18nProvider from "ra-i18n-polyglot";
import type { I18nProvider, TranslationMessages } from "ra-core";
import { enMessages } from "./i18n/en";
import { idMessages } from "./i18n/id";

export const DEFAULT_LOCALE = "id";

const messages: Record<string, TranslationMessages> = { id: idMessages, en: enMessages };

const LOCALES = [
  { locale: "id", name: "Bahasa Indonesia" },
  { locale: "en", name: "English" },
];

/**
 * Indonesian by default, English on request (the AppBar shows a language menu because two locales
 * are declared). react-admin remembers the choice in its localStorage store.
 */
const base = polyglotI18nProvider((locale) => messages[locale] ?? idMessages, DEFAULT_LOCALE, LOCALES);

/** Messages of a screen set loaded on demand, per locale (same keys in both: test/unit/i18n-keys.test.ts). */
export interface ModuleMessages {
  id: Record<string, unknown>;
  en: Record<string, unknown>;
}

type Tree = Record<string, unknown>;

const isTree = (value: unknown): value is Tree => typeof value === "object" && value !== null && !Array.isArray(value);

function merge(into: Tree, from: Tree): Tree {
  for (const [key, value] of Object.entries(from)) {
    into[key] = isTree(value) && isTree(into[key]) ? merge({ ...(into[key] as Tree) }, value) : value;
  }
  return into;
}

/**
 * The lazily loaded screen sets (venues, complaints) carry their own messages in their chunk, so the
 * initial payload stays under its budget; they register them here when the chunk is evaluated, before
 * any of their screens renders. The provider in use is then rebuilt over the main messages and every
 * registered set, for the current locale.
 */
const extra: Record<string, Tree> = { id: {}, en: {} };
let current: I18nProvider = base;

const messagesWithExtra = (locale: string): TranslationMessages =>
  merge(merge({}, (messages[locale] ?? idMessages) as unknown as Tree), extra[locale] ?? extra.id!) as unknown as TranslationMessages;

export function registerMessages(module: ModuleMessages): void {
  extra.id = merge({ ...extra.id }, module.id);
  extra.en = merge({ ...extra.en }, module.en);
  current = polyglotI18nProvider(messagesWithExtra, current.getLocale(), LOCALES);
}

export const i18nProvider: I18nProvider = {
  translate: (key, options) => current.translate(key, options),
  changeLocale: (locale, options) => current.changeLocale(locale, options),
  getLocale: () => current.getLocale(),
  getLocales: () => LOCALES,
};
