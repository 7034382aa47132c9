import { type MigrationInterface, type QueryRunner } from "typeorm";
import { Role } from "../../modules/auth/role";
import { MarketClass, MarketStatus, StallKind, StallStatus, TariffBasis } from "../../modules/markets/market.enums";
import { column, enumColumn, fk, id, nullable, portableTable, varchar } from "./table-builder";


/** Auth, audit and market master data. */
export class Platform1732320000000 implements MigrationInterface {
  name = "Platform1732320000000";

  async up(queryRunner: QueryRunner): Promise<void> {
    const create = (options: Parameters<typeof portableTable>[1]) =>
      queryRunner.createTable(portableTable(queryRunner, options), false, true, true);

    await create({
      name: "user",
      columns: [
        id,
        varchar("username", 64, { isUnique: true }),
        varchar("display_name", 120),
        enumColumn("role", Role),
        column("active", "boolean", { default: true }),
        varchar("password_hash", 255),
        nullable(column("agency_id", "int")),
        column("created_at", "datetime"),
        column("updated_at", "datetime"),
      ],
    });
    await create({
      name: "refresh_token",
      columns: [
        id,
        varchar("token_hash", 64, { isUnique: true }),
        varchar("family", 36),
        column("user_id", "int"),
        column("created_at", "datetime"),
        column("expires_at", "datetime"),
        nullable(column("revoked_at", "datetime")),
      ],
      indices: [{ columnNames: ["family"] }],
      foreignKeys: [fk("user_id", "user", "CASCADE")],
    });
    await create({
      name: "login_attempt",
      columns: [id, varchar("username", 64), varchar("ip", 64), column("at", "datetime"), column("success", "boolean")],
      indices: [{ columnNames: ["username", "at"] }, { columnNames: ["ip", "at"] }],
    });
    await create({
      name: "audit_entry",
      columns: [
        id,
        column("at", "datetime"),
        nullable(column("user_id", "int")),
        varchar("action", 40),
        varchar("entity", 60),
        varchar("entity_id", 40),
        nullable(column("before", "simple-json")),
        nullable(column("after", "simple-json")),
        nullable(varchar("request_id", 64)),
      ],
      indices: [{ columnNames: ["entity", "entity_id"] }],
    });
    await create({
      name: "market",
      columns: [
        id,
        varchar("code", 20, { isUnique: true }),
        varchar("name", 120),
        varchar("district", 80),
        varchar("address", 255),
        enumColumn("market_class", MarketClass),
        varchar("uptd_name", 120),
        nullable(column("head_user_id", "int")),
        enumColumn("status", MarketStatus, { default: MarketStatus.ACTIVE }),
        nullable(column("latitude", "decimal", { precision: 9, scale: 6 })),
        nullable(column("longitude", "decimal", { precision: 9, scale: 6 })),
        column("created_at", "datetime"),
        column("updated_at", "datetime"),
      ],
      indices: [{ columnNames: ["head_user_id"] }],
      foreignKeys: [fk("head_user_id", "user", "SET NULL")],
    });
    await create({
      name: "stall",
      columns: [
        id,
        column("market_id", "int"),
        varchar("code", 30),
        nullable(varchar("block", 30)),
        enumColumn("kind", StallKind),
        column("area_dm2", "int"),
        enumColumn("status", StallStatus, { default: StallStatus.ACTIVE }),
      ],
      uniques: [{ columnNames: ["market_id", "code"] }],
      indices: [{ columnNames: ["market_id", "kind"] }],
      foreignKeys: [fk("market_id", "market", "RESTRICT")],
    });
    await create({
      name: "trader",
      columns: [
        id,
        varchar("npwrd", 30, { isUnique: true }),
        varchar("name", 120),
        nullable(varchar("phone", 30)),
        nullable(varchar("commodity", 80)),
        column("active", "boolean", { default: true }),
      ],
    });
    await create({
      name: "stall_permit",
      columns: [
        id,
        varchar("shpt_number", 40, { isUnique: true }),
        column("stall_id", "int"),
        column("trader_id", "int"),
        column("valid_from", "date"),
        nullable(column("valid_to", "date")),
      ],
      indices: [{ columnNames: ["stall_id", "valid_from"] }, { columnNames: ["trader_id"] }],
      foreignKeys: [fk("stall_id", "stall", "RESTRICT"), fk("trader_id", "trader", "RESTRICT")],
    });
    await create({
      name: "tariff",
      columns: [
        id,
        enumColumn("stall_kind", StallKind),
        enumColumn("market_class", MarketClass),
        enumColumn("basis", TariffBasis),
        column("amount", "bigint"),
        column("valid_from", "date"),
        nullable(column("valid_to", "date")),
        varchar("legal_basis", 255),
      ],
      indices: [{ columnNames: ["stall_kind", "market_class", "valid_from"] }],
    });
    await create({
      name: "collector_assignment",
      columns: [
        id,
        column("collector_id", "int"),
        column("market_id", "int"),
        column("valid_from", "date"),
        nullable(column("valid_to", "date")),
      ],
      indices: [{ columnNames: ["collector_id", "valid_from"] }, { columnNames: ["market_id"] }],
      foreignKeys: [fk("collector_id", "user", "RESTRICT"), fk("market_id", "market", "RESTRICT")],
    });
    await create({
      name: "ticket_book",
      columns: [
        id,
        varchar("series", 20),
        column("first_number", "int"),
        column("last_number", "int"),
        column("face_value", "bigint"),
        column("market_id", "int"),
        column("collector_id", "int"),
        column("issued_at", "datetime"),
        nullable(column("returned_at", "datetime")),
      ],
      indices: [{ columnNames: ["series", "first_number"] }, { columnNames: ["market_id"] }, { columnNames: ["collector_id"] }],
      foreignKeys: [fk("market_id", "market", "RESTRICT"), fk("collector_id", "user", "RESTRICT")],
    });
    await create({
      name: "revenue_target",
      columns: [id, column("year", "int"), nullable(column("market_id", "int")), column("amount", "bigint")],
      uniques: [{ columnNames: ["year", "market_id"] }],
      foreignKeys: [fk("market_id", "market", "RESTRICT")],
    });
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const name of [
      "revenue_target",
      "ticket_book",
      "collector_assignment",
      "tariff",
      "stall_permit",
      "trader",
      "stall",
      "market",
      "audit_entry",
      "login_attempt",
      "refresh_token",
      "user",
    ]) {
      await queryRunner.dropTable(name);
    }
  }
}
