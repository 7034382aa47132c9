import { openDatabase, type Database } from "../../server/src/database/database";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

describe("migrations", () => {
  let testDb: TestDatabase;
  let db: Database;

  beforeAll(async () => {
    testDb = await createTestDatabase();
    db = await openDatabase({ databaseUrl: testDb.databaseUrl, sqlitePath: testDb.sqlitePath });
    await db.migrate();
  });

  afterAll(async () => {
    await db?.close();
    await testDb?.drop();
  });

  it("leave no schema difference between the entities and the migrated database", async () => {
    const sql = await db.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries.map((q) => q.query)).toEqual([]);
  });

  it("run idempotently: a second run applies nothing", async () => {
    await db.migrate();
    expect(await db.dataSource.showMigrations()).toBe(false);
  });

  it("can be reverted and applied again", async () => {
    await db.dataSource.undoLastMigration({ transaction: "each" });
    await db.migrate();
    const sql = await db.dataSource.driver.createSchemaBuilder().log();
    expect(sql.upQueries).toHaveLength(0);
  });
});
