import { openDatabase, type Database } from "../../server/src/database/database";
import { createTestDatabase, type TestDatabase } from "../support/test-database";

/**
 * Database.transaction on the real database: concurrent writers may share one commit on SQLite
 * (group commit), and must still behave as if each ran alone.
 */
describe("Database.transaction", () => {
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

  const years = async () =>
    (await db.manager.query("SELECT year FROM revenue_target WHERE market_id IS NULL ORDER BY year")).map((r: { year: unknown }) => Number(r.year));

  it("commits each concurrent unit that succeeds and undoes every write of each unit that fails", async () => {
    const outcomes = await Promise.allSettled(Array.from({ length: 20 }, (_, i) =>
      db.transaction(async (em) => {
        await em.query("INSERT INTO revenue_target (year, market_id, amount) VALUES (?, NULL, ?)", [2100 + i, 1000 + i]);
        await em.query("UPDATE revenue_target SET amount = amount + 1 WHERE year = ? AND market_id IS NULL", [2100 + i]);
        if (i % 3 === 1) throw new Error(`unit ${i} refused after writing`);
        return i * 10;
      }),
    ));
    outcomes.forEach((outcome, i) => {
      if (i % 3 === 1) expect(outcome).toEqual({ status: "rejected", reason: new Error(`unit ${i} refused after writing`) });
      else expect(outcome).toEqual({ status: "fulfilled", value: i * 10 });
    });
    const kept = Array.from({ length: 20 }, (_, i) => i).filter((i) => i % 3 !== 1).map((i) => 2100 + i);
    expect(await years()).toEqual(kept);
    const amounts = await db.manager.query("SELECT year, amount FROM revenue_target WHERE market_id IS NULL ORDER BY year");
    expect(amounts.map((r: { year: unknown; amount: unknown }) => Number(r.amount) - Number(r.year))).toEqual(kept.map(() => 1000 - 2100 + 1));
  });
});
