/** The plugin's job tasks: each one is glue that calls a service. */
import type { TaskConfig } from 'payload'
import type { PluginContext } from '../context.js'
import { notifyTask } from './notify.js'
import { overdueTask } from './overdue.js'
import { publishTask } from './publish.js'
import { reconcileTask } from './reconcile.js'

export const jobTasks = (ctx: PluginContext): TaskConfig[] => [
  publishTask(),
  reconcileTask(ctx),
  notifyTask(),
  overdueTask(ctx),
]
