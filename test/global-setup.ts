import { existsSync, renameSync, rmSync } from "node:fs";
import { migrateSqlite } from "../app/data/sqlite.server";
import { templateDatabasePath } from "./template-db";

// Migrates one template database from the committed migrations; every test file copies it.
export default function setup() {
  const template = templateDatabasePath();
  if (existsSync(template)) return;
  const building = `${template}.${process.pid}.tmp`;
  rmSync(building, { force: true });
  migrateSqlite(`file:${building}`);
  renameSync(building, template);
}
