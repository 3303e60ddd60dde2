import type { NestedKeysStripped } from '@payloadcms/translations'
import type { id } from './languages/id.js'

/** The plugin's own messages: the keys of the Indonesian file, each a string. */
export type SopMessageKey = keyof (typeof id)['sopMedsos']

/**
 * One language's translations. Indonesian is the reference; another language must have
 * each of its keys and no other (`en: SopMedsosTranslations = {…}` fails to compile
 * otherwise). Indonesian also carries words for the lexical editor, which ships none.
 */
export type SopMedsosTranslations = {
  sopMedsos: Record<SopMessageKey, string>
}

/** `sopMedsos:forbiddenStatus`, … : what `req.t` and `useTranslation().t` take. */
export type SopMedsosTranslationKeys = NestedKeysStripped<SopMedsosTranslations>
