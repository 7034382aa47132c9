import { loadConfig, ConfigError } from "../../server/src/config";

const SECRET = "x".repeat(40);

describe("configuration", () => {
  it("defaults to the embedded database and never seeds MySQL unless asked", () => {
    expect(loadConfig({ JWT_SECRET: SECRET }, []).databaseUrl).toBeUndefined();
    const mysql = loadConfig({ DATABASE_URL: "mysql://u@h/db", JWT_SECRET: SECRET }, []);
    expect(mysql.seedDemo).toBe(false);
    expect(loadConfig({ DATABASE_URL: "mysql://u@h/db", JWT_SECRET: SECRET }, ["--demo"]).seedDemo).toBe(true);
    expect(loadConfig({ DATABASE_URL: "mysql://u@h/db", JWT_SECRET: SECRET, SEED_DEMO: "1" }, []).seedDemo).toBe(true);
  });

  it("refuses bad settings with a message naming the variable", () => {
    expect(() => loadConfig({ DATABASE_URL: "postgres://x", JWT_SECRET: SECRET }, [])).toThrow(/DATABASE_URL/);
    expect(() => loadConfig({ DATABASE_URL: "mysql://u@h/db" }, [])).toThrow(/JWT_SECRET is required/);
    expect(() => loadConfig({ JWT_SECRET: "short" }, [])).toThrow(ConfigError);
    expect(() => loadConfig({ JWT_SECRET: SECRET, PORT: "http" }, [])).toThrow(/PORT/);
    expect(() => loadConfig({ JWT_SECRET: SECRET, SEED_DEMO: "maybe" }, [])).toThrow(/SEED_DEMO/);
  });
});
