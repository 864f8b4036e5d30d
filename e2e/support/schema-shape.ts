import { readFileSync } from "node:fs";
import internals from "@prisma/internals";
import pg from "pg";

/**
 * Both sides of the drift check reduced to sorted lines such as
 * `column users.email text NOT NULL default` or `index users_email_key UNIQUE (email)`,
 * so a failure shows exactly which line differs.
 */
export type SchemaShape = string[];

type Dmmf = Awaited<ReturnType<typeof internals.getDMMF>>;
type Model = Dmmf["datamodel"]["models"][number];
type Field = Model["fields"][number];

const SCALAR_TYPES: Record<string, string> = {
  String: "text",
  Int: "integer",
  BigInt: "bigint",
  Boolean: "boolean",
  Float: "double precision",
  Decimal: "numeric(65,30)",
  Json: "jsonb",
  DateTime: "timestamp(3) without time zone",
  Bytes: "bytea",
};

const NATIVE_TYPES: Record<string, (args: string[]) => string> = {
  Uuid: () => "uuid",
  Text: () => "text",
  VarChar: (args) => `character varying${args[0] ? `(${args[0]})` : ""}`,
  Timestamptz: (args) => `timestamp(${args[0] ?? 6}) with time zone`,
  Timestamp: (args) => `timestamp(${args[0] ?? 6}) without time zone`,
  Date: () => "date",
  SmallInt: () => "smallint",
  Integer: () => "integer",
  BigInt: () => "bigint",
  JsonB: () => "jsonb",
  Char: (args) => `character(${args[0] ?? 1})`,
};

export async function shapeFromPrismaSchema(schemaPath: string): Promise<SchemaShape> {
  const dmmf = await internals.getDMMF({ datamodel: readFileSync(schemaPath, "utf8") });
  const lines: string[] = [];
  const tableOf = new Map(dmmf.datamodel.models.map((model) => [model.name, model.dbName ?? model.name]));
  const enumOf = new Map(dmmf.datamodel.enums.map((e) => [e.name, e.dbName ?? e.name]));
  const columnOf = (model: Model, fieldName: string) => {
    const field = model.fields.find((f) => f.name === fieldName);
    return field?.dbName ?? fieldName;
  };

  for (const e of dmmf.datamodel.enums) lines.push(`enum ${e.dbName ?? e.name} (${e.values.map((v) => v.dbName ?? v.name).join(", ")})`);

  for (const model of dmmf.datamodel.models) {
    const table = tableOf.get(model.name) ?? model.name;
    lines.push(`table ${table}`);
    for (const field of model.fields) {
      if (field.kind === "object") {
        const from = field.relationFromFields ?? [];
        if (from.length === 0) continue;
        const target = dmmf.datamodel.models.find((m) => m.name === field.type);
        const to = (field.relationToFields ?? []).map((name) => (target ? columnOf(target, name) : name));
        const columns = from.map((name) => columnOf(model, name));
        if (!field.relationOnDelete) throw new Error(`Give ${model.name}.${field.name} an explicit onDelete.`);
        lines.push(
          `foreign key ${table}.${table}_${columns.join("_")}_fkey (${columns.join(", ")}) -> ${tableOf.get(field.type)} (${to.join(", ")}) on delete ${field.relationOnDelete.toLowerCase()}`,
        );
        continue;
      }
      const base = field.kind === "enum" ? (enumOf.get(field.type) ?? field.type) : columnType(field);
      const type = field.isList ? `${base}[]` : base;
      const hasDefault = field.hasDefaultValue && !field.isUpdatedAt;
      lines.push(`column ${table}.${field.dbName ?? field.name} ${type} ${field.isRequired ? "NOT NULL" : "NULL"}${hasDefault ? " default" : ""}`);
    }
  }

  for (const index of dmmf.datamodel.indexes) {
    const model = dmmf.datamodel.models.find((m) => m.name === index.model);
    if (!model) continue;
    const table = tableOf.get(model.name) ?? model.name;
    const columns = index.fields.map((f) => columnOf(model, f.name));
    const suffix = { id: "pkey", unique: "key", normal: "idx", fulltext: "idx" }[index.type];
    const name = index.dbName ?? (index.type === "id" ? `${table}_pkey` : `${table}_${columns.join("_")}_${suffix}`);
    const kind = index.type === "id" ? "PRIMARY KEY" : index.type === "unique" ? "UNIQUE" : "INDEX";
    lines.push(`index ${table}.${name} ${kind} (${columns.join(", ")})`);
  }
  return lines.sort();
}

function columnType(field: Field): string {
  if (field.nativeType) {
    const [name, args] = field.nativeType as [string, string[]];
    const render = NATIVE_TYPES[name];
    if (!render) throw new Error(`Add the native type ${name} to e2e/support/schema-shape.ts`);
    return render(args);
  }
  const type = SCALAR_TYPES[field.type];
  if (!type) throw new Error(`Add the scalar type ${field.type} to e2e/support/schema-shape.ts`);
  return type;
}

const ON_DELETE: Record<string, string> = { a: "noaction", r: "restrict", c: "cascade", n: "setnull", d: "setdefault" };

/** The same lines read back from a live database's catalog (the public schema, minus Prisma's bookkeeping). */
export async function shapeFromDatabase(url: string): Promise<SchemaShape> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const lines: string[] = [];
    const enums = await client.query<{ name: string; labels: string[] }>(`
      SELECT t.typname AS name, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
      FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = 'public' GROUP BY t.typname`);
    for (const row of enums.rows) lines.push(`enum ${row.name} (${row.labels.join(", ")})`);

    const tables = await client.query<{ name: string }>(`
      SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`);
    for (const row of tables.rows) lines.push(`table ${row.name}`);

    const columns = await client.query<{ table_name: string; column_name: string; type: string; not_null: boolean; has_default: boolean }>(`
      SELECT c.relname AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS type,
             a.attnotnull AS not_null, a.atthasdef AS has_default
      FROM pg_attribute a JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname <> '_prisma_migrations'
        AND a.attnum > 0 AND NOT a.attisdropped`);
    for (const row of columns.rows) {
      lines.push(`column ${row.table_name}.${row.column_name} ${row.type} ${row.not_null ? "NOT NULL" : "NULL"}${row.has_default ? " default" : ""}`);
    }

    const indexes = await client.query<{ table_name: string; name: string; is_primary: boolean; is_unique: boolean; columns: string[] }>(`
      SELECT t.relname AS table_name, i.relname AS name, ix.indisprimary AS is_primary, ix.indisunique AS is_unique,
             array(SELECT coalesce(a.attname::text, '(expression)') FROM unnest(ix.indkey) WITH ORDINALITY k(attnum, o)
                   LEFT JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum ORDER BY k.o) AS columns
      FROM pg_index ix JOIN pg_class i ON i.oid = ix.indexrelid JOIN pg_class t ON t.oid = ix.indrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE n.nspname = 'public' AND t.relname <> '_prisma_migrations'`);
    for (const row of indexes.rows) {
      const kind = row.is_primary ? "PRIMARY KEY" : row.is_unique ? "UNIQUE" : "INDEX";
      lines.push(`index ${row.table_name}.${row.name} ${kind} (${row.columns.join(", ")})`);
    }

    const foreignKeys = await client.query<{ table_name: string; name: string; columns: string[]; target: string; target_columns: string[]; on_delete: string }>(`
      SELECT t.relname AS table_name, con.conname AS name, r.relname AS target, con.confdeltype AS on_delete,
             array(SELECT a.attname::text FROM unnest(con.conkey) WITH ORDINALITY k(attnum, o)
                   JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.attnum ORDER BY k.o) AS columns,
             array(SELECT a.attname::text FROM unnest(con.confkey) WITH ORDINALITY k(attnum, o)
                   JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.attnum ORDER BY k.o) AS target_columns
      FROM pg_constraint con JOIN pg_class t ON t.oid = con.conrelid JOIN pg_class r ON r.oid = con.confrelid
      JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE con.contype = 'f' AND n.nspname = 'public'`);
    for (const row of foreignKeys.rows) {
      lines.push(
        `foreign key ${row.table_name}.${row.name} (${row.columns.join(", ")}) -> ${row.target} (${row.target_columns.join(", ")}) on delete ${ON_DELETE[row.on_delete] ?? row.on_delete}`,
      );
    }
    return lines.sort();
  } finally {
    await client.end();
  }
}
