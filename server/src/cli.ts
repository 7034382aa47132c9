import "reflect-metadata";
import { writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { loadConfig } from "./config";
import { openDatabase } from "./database/database";
import { buildAppSchema, printSortedSchema } from "./graphql/schema";
import { systemActor } from "./modules/auth/actor";
import { Role } from "./modules/auth/role";
import { createServices } from "./services";
import { hasUsers, seedDemoData } from "./seed/seed";

const USAGE = `Usage: npm run cli -- <command>
  schema                         write schema/schema.graphql from the code
  migrate                        apply pending migrations
  seed                           fill an empty database with the demo data
  create-user <username> <role> <display name>   (password read from LAPERA_PASSWORD)`;

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
      await seedDemoData(db, config.seedNumber);
      console.log("demo data seeded");
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
