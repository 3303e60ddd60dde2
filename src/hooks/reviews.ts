/**
 * Creating a review is how a workflow action is taken. beforeChange decides (state
 * table, roles, separation of duties, SOP rules) under a row lock on the submission;
 * afterChange advances the submission and appends the register, in the same transaction.
 * The work is in services/reviews.ts.
 */
import type { CollectionAfterChangeHook, CollectionBeforeChangeHook } from 'payload'
import type { PluginContext } from '../context.js'
import { applyReview, decideReview } from '../services/reviews.js'

export function decideReviewAction(ctx: PluginContext): CollectionBeforeChangeHook {
  return async ({ data, operation, req }) =>
    operation === 'create' ? decideReview(req, ctx, data) : data
}

export function advanceSubmission(ctx: PluginContext): CollectionAfterChangeHook {
  return async ({ doc, operation, req }) =>
    operation === 'create' ? applyReview(req, ctx, doc) : doc
}
