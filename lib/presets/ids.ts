/**
 * Ids are random UUIDs: presets and accounts are created on several devices and merged
 * through storage.sync, so a counter would collide. The generator is a parameter so tests
 * can pin it.
 */
export function createPresetId(randomUUID: () => string = () => crypto.randomUUID()): string {
  return randomUUID();
}

export function createAccountId(randomUUID: () => string = () => crypto.randomUUID()): string {
  return randomUUID();
}
