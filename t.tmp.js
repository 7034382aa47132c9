require("/work/main/node_modules/reflect-metadata");
const { openDatabase } = require("/work/main/server/dist/database/database");
const { seedDemoData } = require("/work/main/server/dist/seed/seed");
const { RevenueSummaryService } = require("/work/main/server/dist/modules/revenue/revenue-summary.service");
(async () => {
  const db = await openDatabase({ sqlitePath: "/tmp/t1/x.sqlite", databaseUrl: process.env.DATABASE_URL });
  await db.migrate();
  let t = Date.now();
  await seedDemoData(db, { seedNumber: 1, historyDays: 0 });
  console.log("seed", Date.now() - t);
  t = Date.now();
  await new RevenueSummaryService(db).recomputeAll();
  console.log("recompute", Date.now() - t);
  console.log(await db.manager.query("SELECT COUNT(*) n, SUM(potential) p FROM daily_market_summary"));
  await db.close();
})();
