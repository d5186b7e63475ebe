import DataLoader from 'dataloader';
import type { LoaderDefinition, OperationLoaders, RequestContext } from './context.js';

// DataLoaders live for one operation, so a batch never mixes viewers and a cache never outlives
// its request. A module defines a loader once at module level and gets the operation's instance
// with ctx.loaders.get(definition).

export type { LoaderDefinition } from './context.js';

export function defineLoader<K, V>(
  name: string,
  batch: (ctx: RequestContext, keys: readonly K[]) => Promise<(V | Error)[]>,
): LoaderDefinition<K, V> {
  return { name, batch };
}

export class Loaders implements OperationLoaders {
  private readonly instances = new Map<LoaderDefinition<unknown, unknown>, DataLoader<unknown, unknown>>();
  private ctx: RequestContext | null = null;

  bind(ctx: RequestContext): void {
    this.ctx = ctx;
  }

  get<K, V>(definition: LoaderDefinition<K, V>): DataLoader<K, V> {
    let loader = this.instances.get(definition as LoaderDefinition<unknown, unknown>);
    if (!loader) {
      const ctx = this.ctx;
      if (!ctx) throw new Error('Loaders used before the context was bound');
      loader = new DataLoader<unknown, unknown>((keys) => definition.batch(ctx, keys as readonly K[]), {
        maxBatchSize: 500,
      });
      this.instances.set(definition as LoaderDefinition<unknown, unknown>, loader);
    }
    return loader as DataLoader<K, V>;
  }
}

/** Orders rows to match the keys a DataLoader asked for; a missing row is null. */
export function byKeys<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): (R | null)[] {
  const map = new Map<K, R>();
  for (const row of rows) map.set(keyOf(row), row);
  return keys.map((key) => map.get(key) ?? null);
}

/** Groups rows under the keys a DataLoader asked for; a key without rows gets []. */
export function groupByKeys<K, R>(keys: readonly K[], rows: R[], keyOf: (row: R) => K): R[][] {
  const map = new Map<K, R[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const list = map.get(key);
    if (list) list.push(row);
    else map.set(key, [row]);
  }
  return keys.map((key) => map.get(key) ?? []);
}
