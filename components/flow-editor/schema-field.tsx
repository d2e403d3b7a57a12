"use client";

import { useId } from "react";
import { JSON_SCHEMA_FORMAT } from "@/lib/nodes/shared/json-schema";
import { EnumField, isStringEnum } from "./enum-field";
import { JsonField } from "./json-field";
import { JsonSchemaField } from "./json-schema-editor/json-schema-field";
import { KeyValueField } from "./key-value-field";
import { kindVariants } from "./kind-variants";
import { ChecklistField, LinesField, ListField } from "./list-fields";
import { isModelRef, ModelPicker } from "./model-picker";
import { ObjectField, UnionField } from "./object-fields";
import { PromptField, promptVariants } from "./prompt-field";
import { BooleanField, NumberField } from "./scalar-fields";
import {
  errorsAt,
  getIn,
  isStringRecord,
  pathKey,
  titleOf,
  type FieldProps,
  type WidgetProps,
} from "./schema-utils";
import { TextField } from "./text-field";

/** One config field: picks the widget that fits its schema, JSON as the fallback. */
export function SchemaField(props: FieldProps) {
  const { name, schema, path, root, errors, models, onChange, depth } = props;
  const baseId = useId();
  const id = `${baseId}-${pathKey(path)}`.replace(/[^A-Za-z0-9_-]/g, "_");
  const value = getIn(root, path);
  const label = titleOf(schema, name);
  const hint = schema.description;
  const set = (next: unknown) => onChange(path, next);
  const type = Array.isArray(schema.type) ? undefined : schema.type;
  const field: WidgetProps = { ...props, id, value, label, hint, set };

  if (isModelRef(schema))
    return (
      <ModelPicker
        id={id}
        label={label}
        hint={hint}
        value={value}
        error={errorsAt(errors, path, true)}
        options={models}
        onChange={set}
      />
    );
  if (isStringEnum(schema)) return <EnumField {...field} />;
  if (type === "string") return <TextField {...field} />;
  if (type === "number" || type === "integer") return <NumberField {...field} />;
  if (type === "boolean") return <BooleanField {...field} />;

  if (schema.format === JSON_SCHEMA_FORMAT) return <JsonSchemaField {...field} />;
  if (isStringRecord(schema)) return <KeyValueField {...field} />;

  const variants = kindVariants(schema);
  const prompt = variants && promptVariants(variants);
  if (prompt && depth < 4) return <PromptField {...field} variants={prompt} />;
  if (variants && depth < 4) return <UnionField {...field} variants={variants} />;

  if (type === "array" && schema.items && depth < 4) {
    const items = schema.items;
    if (items.type === "string" && Array.isArray(items.enum))
      return <ChecklistField {...field} items={items} />;
    if (items.type === "string")
      return (
        <LinesField
          key={JSON.stringify(value) ?? ""}
          id={id}
          label={label}
          hint={hint}
          value={value}
          error={errorsAt(errors, path, true)}
          onChange={set}
        />
      );
    if (items.type === "object" || kindVariants(items))
      return <ListField {...field} items={items} />;
  }

  if (type === "object" && schema.properties && depth < 4) return <ObjectField {...field} />;

  return (
    <JsonField
      key={JSON.stringify(value) ?? ""}
      id={id}
      label={`${label} (JSON)`}
      hint={hint}
      value={value}
      error={errorsAt(errors, path, true)}
      onChange={set}
    />
  );
}
