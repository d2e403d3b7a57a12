import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { testDbKind } from "@/test/database";
import {
  openRawTestDatabase,
  publicTables,
  writeMigrationsDir,
  type RawTestDatabase,
} from "@/test/sql";
import {
  applyMigrations,
  MigrationChecksumError,
  migrationsDir,
  readMigrations,
  type SqlExecutor,
} from "./migrate";

type Recorded = { name: string; checksum: string };

function recorded(db: SqlExecutor): Promise<Recorded[]> {
  return db.query<Recorded>(`SELECT name, checksum FROM "_trellis_migrations" ORDER BY name`);
}

function sha256(text: string): string {
  return createHash("sha256").update(text).digest("hex");
}

describe(`applyMigrations on ${testDbKind}`, () => {
  let raw: RawTestDatabase;
  const tempDirs: (() => void)[] = [];

  function tempMigrations(files: Record<string, string>) {
    const { dir, remove } = writeMigrationsDir(files);
    tempDirs.push(remove);
    return readMigrations(dir);
  }

  beforeEach(async () => {
    raw = await openRawTestDatabase();
  });

  afterEach(async () => {
    await raw.close();
    tempDirs.splice(0).forEach((remove) => remove());
  });

  it("applies the real prisma/migrations in order and records each name with the file's sha256", async () => {
    const migrations = readMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    const applied = await applyMigrations(raw.db, migrations);

    const onDisk = fs
      .readdirSync(migrationsDir())
      .filter((entry) => fs.existsSync(path.join(migrationsDir(), entry, "migration.sql")))
      .sort();
    expect(applied).toEqual(onDisk);
    const expected = onDisk.map((name) => ({
      name,
      checksum: sha256(fs.readFileSync(path.join(migrationsDir(), name, "migration.sql"), "utf8")),
    }));
    expect(await recorded(raw.db)).toEqual(expected);
    expect(await publicTables(raw.db)).toEqual(
      expect.arrayContaining([
        "User",
        "Workspace",
        "Membership",
        "ModelConnection",
        "Secret",
        "AuditEvent",
        "AuthThrottle",
      ]),
    );
  });

  it("orders temp migrations by folder name and ignores folders that are not migrations", async () => {
    const migrations = tempMigrations({
      "20240101000002_add_column": "ALTER TABLE widget ADD COLUMN size int NOT NULL DEFAULT 1;",
      "20240101000001_create_widget": "CREATE TABLE widget (id int PRIMARY KEY);",
      notes: "DROP TABLE widget;",
    });
    expect(migrations.map((m) => m.name)).toEqual([
      "20240101000001_create_widget",
      "20240101000002_add_column",
    ]);

    expect(await applyMigrations(raw.db, migrations)).toEqual([
      "20240101000001_create_widget",
      "20240101000002_add_column",
    ]);
    const columns = await raw.db.query<{ name: string }>(
      "SELECT column_name::text AS name FROM information_schema.columns WHERE table_name = 'widget' ORDER BY ordinal_position",
    );
    expect(columns.map((c) => c.name)).toEqual(["id", "size"]);
  });

  it("applies nothing when run again, and only the new migration once one is added", async () => {
    const first = await applyMigrations(raw.db, readMigrations());
    expect(first.length).toBeGreaterThan(0);
    const before = await recorded(raw.db);

    expect(await applyMigrations(raw.db, readMigrations())).toEqual([]);
    expect(await recorded(raw.db)).toEqual(before);

    const extra = tempMigrations({ "29990101000000_extra": "CREATE TABLE extra_table (id int);" });
    expect(await applyMigrations(raw.db, [...readMigrations(), ...extra])).toEqual([
      "29990101000000_extra",
    ]);
    expect(await recorded(raw.db)).toHaveLength(before.length + 1);
  });

  it("refuses an applied migration whose file changed, and applies nothing else", async () => {
    const [original] = tempMigrations({
      "20240101000001_create_widget": "CREATE TABLE widget (id int);",
    });
    await applyMigrations(raw.db, [original!]);

    const editedSql = `${original!.sql}\nALTER TABLE widget ADD COLUMN extra int;`;
    const edited = { ...original!, sql: editedSql, checksum: sha256(editedSql) };
    const [later] = tempMigrations({
      "20240101000002_create_gadget": "CREATE TABLE gadget (id int);",
    });

    const failure = applyMigrations(raw.db, [edited, later!]);
    await expect(failure).rejects.toBeInstanceOf(MigrationChecksumError);
    await expect(failure).rejects.toThrow("20240101000001_create_widget");

    expect(await recorded(raw.db)).toEqual([
      { name: original!.name, checksum: original!.checksum },
    ]);
    expect(await publicTables(raw.db)).not.toContain("gadget");
    const columns = await raw.db.query(
      "SELECT 1 FROM information_schema.columns WHERE table_name = 'widget' AND column_name = 'extra'",
    );
    expect(columns).toHaveLength(0);
  });

  it("rolls a failing migration back completely, names it, and stops before later ones", async () => {
    const migrations = tempMigrations({
      "20240101000001_good": "CREATE TABLE good (id int);",
      "20240101000002_broken": [
        "CREATE TABLE partial (id int);",
        "INSERT INTO good VALUES (1);",
        "SELECT * FROM table_that_does_not_exist;",
      ].join("\n"),
      "20240101000003_after": "CREATE TABLE after_broken (id int);",
    });

    await expect(applyMigrations(raw.db, migrations)).rejects.toThrow(
      /Migration 20240101000002_broken failed: .*table_that_does_not_exist/,
    );

    expect((await recorded(raw.db)).map((r) => r.name)).toEqual(["20240101000001_good"]);
    const tables = await publicTables(raw.db);
    expect(tables).toContain("good");
    expect(tables).not.toContain("partial");
    expect(tables).not.toContain("after_broken");
    expect(await raw.db.query("SELECT * FROM good")).toHaveLength(0);

    // The connection is usable again (not left inside an aborted transaction): a fixed file applies.
    const fixed = migrations.map((m) =>
      m.name === "20240101000002_broken"
        ? { ...m, sql: "CREATE TABLE partial (id int);", checksum: sha256("fixed") }
        : m,
    );
    expect(await applyMigrations(raw.db, fixed)).toEqual([
      "20240101000002_broken",
      "20240101000003_after",
    ]);
    expect(await publicTables(raw.db)).toEqual(expect.arrayContaining(["partial", "after_broken"]));
  });

  it.runIf(testDbKind === "postgresql")(
    "applies each migration exactly once when two runners race with advisoryLock on separate clients",
    async () => {
      const slow = tempMigrations({
        "29990101000001_slow": "SELECT pg_sleep(0.3); CREATE TABLE raced (id int);",
        "29990101000002_after_slow": "ALTER TABLE raced ADD COLUMN n int;",
      });
      const migrations = [...readMigrations(), ...slow];
      const [a, b] = [await raw.connect!(), await raw.connect!()];

      const results = await Promise.all([
        applyMigrations(a, migrations, { advisoryLock: true }),
        applyMigrations(b, migrations, { advisoryLock: true }),
      ]);

      expect([...results[0], ...results[1]].sort()).toEqual(migrations.map((m) => m.name));
      expect(await recorded(raw.db)).toEqual(
        migrations.map(({ name, checksum }) => ({ name, checksum })),
      );
      const held = await raw.db.query(
        "SELECT 1 FROM pg_locks l JOIN pg_database d ON d.oid = l.database WHERE l.locktype = 'advisory' AND d.datname = current_database()",
      );
      expect(held).toHaveLength(0);
    },
  );
});
