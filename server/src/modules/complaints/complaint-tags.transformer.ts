import type { ValueTransformer } from "typeorm";
import type { ComplaintTag } from "./complaint.enums";

/**
 * Tags are kept as one comma-separated column ("PUNGLI,FEES"), sorted and without duplicates, so
 * that a tag filter is a portable LIKE (see tagCondition) and no join table is needed for a handful.
 */
export const tagsTransformer: ValueTransformer = {
  to: (tags: ComplaintTag[] | null | undefined) => [...new Set(tags ?? [])].sort().join(","),
  // After an insert TypeORM hands back what it wrote, already a list; reads give the stored text.
  from: (value: string | ComplaintTag[] | null): ComplaintTag[] =>
    Array.isArray(value) ? value : value ? (value.split(",") as ComplaintTag[]) : [],
};

/** SQL matching rows whose tag column holds `param`'s tag, on SQLite and MySQL alike. */
export function tagCondition(column: string, param: string): string {
  return `(${column} = :${param} OR ${column} LIKE :${param}Start OR ${column} LIKE :${param}End OR ${column} LIKE :${param}Middle)`;
}

export function tagParameters(param: string, tag: ComplaintTag): Record<string, string> {
  return { [param]: tag, [`${param}Start`]: `${tag},%`, [`${param}End`]: `%,${tag}`, [`${param}Middle`]: `%,${tag},%` };
}
