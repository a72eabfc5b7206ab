import type { Actor } from '../context.js';
import type { StaffRole } from '../agencies/schema.js';

/** permission → roles that hold it; filled from the module manifests at start. */
const registry = new Map<string, readonly StaffRole[]>();

export function registerPermissions(permissions: Record<string, readonly StaffRole[]>): void {
  for (const [permission, roles] of Object.entries(permissions)) registry.set(permission, roles);
}

/**
 * Whether the actor holds a permission in its current agency. The instance admin can do
 * everything; an unknown permission is refused (a typo must not open a door).
 */
export function can(actor: Actor, permission: string): boolean {
  if (actor.isInstanceAdmin) return true;
  const roles = registry.get(permission);
  if (!roles) return false;
  return actor.roles.some((role) => roles.includes(role));
}

export function listPermissions(): string[] {
  return [...registry.keys()].sort();
}
