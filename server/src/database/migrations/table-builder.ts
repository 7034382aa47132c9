import { Table, TableForeignKey, type QueryRunner, type TableColumnOptions, type TableOptions } from "typeorm";

/**
 * Builds a `Table` whose column types are spelt as TypeORM's own driver spells them for entities
 * (e.g. `simple-enum` becomes MySQL `enum` but SQLite `varchar` + CHECK), so one migration runs on
 * both databases and leaves no schema difference behind.
 */
export function portableTable(queryRunner: QueryRunner, options: TableOptions): Table {
  const driver = queryRunner.connection.driver;
  const columns = (options.columns ?? []).map((column): TableColumnOptions => {
    const type = driver.normalizeType({
      type: column.type,
      length: column.length,
      precision: column.precision,
      scale: column.scale,
    });
    const length = column.length ?? (type === "varchar" ? "255" : undefined);
    // Defaults are written as entities' defaults are (booleans as 1/0, strings quoted).
    const defaultValue =
      column.default === undefined
        ? undefined
        : driver.normalizeDefault({ default: column.default, type } as unknown as Parameters<typeof driver.normalizeDefault>[0]);
    return { ...column, type, length, default: defaultValue };
  });
  if (!isMysqlFamily(queryRunner)) return new Table({ ...options, columns });

  // MySQL has no unique constraints, only unique indexes; TypeORM's entity metadata models them so.
  const uniqueIndices = [
    ...columns.filter((c) => c.isUnique).map((c) => ({ columnNames: [c.name], isUnique: true })),
    ...(options.uniques ?? []).map((u) => ({ columnNames: u.columnNames, isUnique: true })),
  ];
  return new Table({
    ...options,
    columns: columns.map((c) => ({ ...c, isUnique: false })),
    uniques: [],
    indices: [...(options.indices ?? []), ...uniqueIndices],
  });
}

function isMysqlFamily(queryRunner: QueryRunner): boolean {
  const type = queryRunner.connection.options.type;
  return type === "mysql" || type === "mariadb";
}

export const id: TableColumnOptions = {
  name: "id",
  type: "int",
  isPrimary: true,
  isGenerated: true,
  generationStrategy: "increment",
};

export function varchar(name: string, length: number, extra: Partial<TableColumnOptions> = {}): TableColumnOptions {
  return { name, type: "varchar", length: String(length), ...extra };
}

export function enumColumn(name: string, values: Record<string, string>, extra: Partial<TableColumnOptions> = {}) {
  return { name, type: "simple-enum", enum: Object.values(values), ...extra } satisfies TableColumnOptions;
}

export function nullable(column: TableColumnOptions): TableColumnOptions {
  return { ...column, isNullable: true };
}

export function column(name: string, type: string, extra: Partial<TableColumnOptions> = {}): TableColumnOptions {
  return { name, type, ...extra };
}

/** A foreign key to `table.id`; history is never deleted from under its references by default. */
export function fk(columnName: string, table: string, onDelete: "RESTRICT" | "CASCADE" | "SET NULL" = "RESTRICT"): TableForeignKey {
  return new TableForeignKey({ columnNames: [columnName], referencedTableName: table, referencedColumnNames: ["id"], onDelete, onUpdate: "NO ACTION" });
}
