import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { parse } from "yaml";
import { ENV_NAMES } from "../../server/src/config";

const root = resolve(__dirname, "../..");

describe("docker-compose.yml", () => {
  const compose = parse(readFileSync(resolve(root, "docker-compose.yml"), "utf8"));

  it("runs MySQL 8.4 with a volume and a health check", () => {
    expect(compose.services.mysql.image).toBe("mysql:8.4");
    expect(compose.services.mysql.volumes[0]).toMatch(/:\/var\/lib\/mysql$/);
    expect(compose.services.mysql.healthcheck.test).toContain("mysqladmin");
  });

  it("starts the app from the Dockerfile after MySQL is healthy", () => {
    expect(compose.services.app.build).toBe(".");
    expect(compose.services.app.depends_on.mysql.condition).toBe("service_healthy");
    expect(readFileSync(resolve(root, "Dockerfile"), "utf8")).toContain("server/dist/main.js");
  });

  it("configures the app only through environment names that config.ts reads", () => {
    const names = Object.keys(compose.services.app.environment);
    expect(names).toContain("DATABASE_URL");
    expect(names).toContain("JWT_SECRET");
    for (const name of names) expect(ENV_NAMES).toContain(name);
  });
});
