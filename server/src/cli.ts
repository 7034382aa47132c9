import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { addDays, todayInJakarta } from "./common/local-date";
import { loadConfig } from "./config";
import { openDatabase } from "./database/database";
import { buildAppSchema, printSortedSchema } from "./graphql/schema";
import { systemActor } from "./modules/auth/actor";
import { Role } from "./modules/auth/role";
import { createServices } from "./services";
import { demoStatementCsv } from "./seed/demo-statement";
import { hasUsers, seedDemoData } from "./seed/seed";

const USAGE = `Usage: npm run cli -- <command>
  schema                         write schema/schema.graphql from the code
  migrate                        apply pending migrations
  seed                           fill an empty database with the demo data
  recompute-summaries [--check]  rebuild the revenue summary from the raw rows; --check only
                                 lists where it differs (exit code 1 when it does)
  create-user <username> <role> <display name>   (password read from LAPERA_PASSWORD)
  demo-statement <file>          write the demo bank statement CSV from a demo database
  detect-anomalies [from] [to]   run every detection rule over the business days from..to
                                 (default: the last 90 days up to yesterday), all markets
  nightly-detection              tonight's full run (ANOMALY_NIGHTLY_DAYS up to today) unless another
                                 instance has run it: for an external scheduler with ANOMALY_NIGHTLY_AT=off`;

async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  if (command === "schema") {
    const file = resolve(__dirname, "..", "..", "schema", "schema.graphql");
    writeFileSync(file, printSortedSchema(await buildAppSchema()));
    console.log(`wrote ${file}`);
    return;
  }
  const config = loadConfig();
  const db = await openDatabase({ databaseUrl: config.databaseUrl, sqlitePath: config.sqlitePath });
  try {
    await db.migrate();
    if (command === "migrate") {
      console.log("migrations applied");
    } else if (command === "seed") {
      if (await hasUsers(db)) throw new Error("the database already has users; demo data goes only into an empty database");
      await seedDemoData(db, { seedNumber: config.seedNumber, historyDays: config.demoHistoryDays });
      console.log("demo data seeded");
    } else if (command === "recompute-summaries") {
      const summary = createServices(db, config).summary;
      if (args.includes("--check")) {
        const differences = await summary.differences();
        for (const d of differences.slice(0, 50)) console.log(JSON.stringify(d));
        console.log(`${differences.length} summary rows differ from the raw rows`);
        if (differences.length) process.exitCode = 1;
      } else {
        console.log(`summary rebuilt: ${await summary.recomputeAll()} market-days`);
      }
    } else if (command === "demo-statement") {
      if (!args[0]) throw new Error(USAGE);
      writeFileSync(resolve(args[0]), await demoStatementCsv(db));
      console.log(`wrote ${resolve(args[0])}`);
    } else if (command === "detect-anomalies") {
      const yesterday = addDays(todayInJakarta(), -1);
      const [from = addDays(yesterday, -89), to = yesterday] = args;
      const started = Date.now();
      const run = await createServices(db, config).anomalies.run(systemActor("cli"), from, to, null);
      console.log(`detection ${from}..${to}: ${run.found} found, ${run.created} new, ${run.reopened} reopened, ${run.autoResolved} auto-resolved in ${Date.now() - started} ms`);
    } else if (command === "nightly-detection") {
      const run = await createServices(db, config).nightlyDetection.runOnce();
      console.log(run ? `nightly detection ${run.from}..${run.to}: ${run.found} found, ${run.created} new, ${run.autoResolved} auto-resolved`
        : "tonight's detection was already run or is running on another instance");
    } else if (command === "create-user") {
      const [username, role, ...name] = args;
      const password = process.env.LAPERA_PASSWORD;
      if (!username || !password || !Object.values(Role).includes(role as Role)) {
        throw new Error(`${USAGE}\nroles: ${Object.values(Role).join(", ")}`);
      }
      const user = await createServices(db, config).users.create(systemActor("cli"), {
        username, role: role as Role, displayName: name.join(" ") || username, password, active: true,
      });
      console.log(`created user ${user.username} (${user.role}) with id ${user.id}`);
    } else {
      throw new Error(USAGE);
    }
  } finally {
    await db.close();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
