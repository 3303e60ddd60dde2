import type { Field } from 'payload'

/**
 * The names a collection's fields occupy in its documents: top-level named fields and
 * those inside rows, collapsibles and unnamed tabs (which add no level of their own).
 */
export function dataFieldNames(fields: Field[] | undefined): Map<string, Field> {
  const names = new Map<string, Field>()
  const walk = (list: Field[] | undefined) => {
    for (const field of list ?? []) {
      if ('name' in field && field.name) names.set(field.name, field)
      else if (field.type === 'row' || field.type === 'collapsible') walk(field.fields)
      else if (field.type === 'tabs') {
        for (const tab of field.tabs) {
          if ('name' in tab && tab.name) names.set(tab.name, tab as unknown as Field)
          else walk(tab.fields)
        }
      }
    }
  }
  walk(fields)
  return names
}

/**
 * Fields the plugin adds to an app's collection. A field of the same name already there
 * is kept only when `compatible` says it can stand in for the plugin's (e.g. a text
 * `name`); otherwise start-up stops with a message naming the field: a silent clash
 * would let the app's field decide what the SOP relies on (roles, isPublic…).
 */
export function mergeFields(
  plugin: string,
  slug: string,
  existing: Field[] | undefined,
  added: Field[],
  compatible: (name: string, theirs: Field) => boolean,
): Field[] {
  const have = dataFieldNames(existing)
  const keep: Field[] = []
  for (const field of added) {
    const name = (field as { name: string }).name
    const theirs = have.get(name)
    if (!theirs) keep.push(field)
    else if (!compatible(name, theirs)) {
      throw new Error(
        `${plugin}: the "${slug}" collection already has a field "${name}" (type ${theirs.type}); the plugin adds its own "${name}" ` +
          `(type ${field.type}) and relies on it. Rename or remove the app's field, or let the plugin create it (README: "What the plugin does to your collections").`,
      )
    }
  }
  return [...(existing ?? []), ...keep]
}
