import type { Text } from '../i18n/lang.ts';
import { ROLE_LABELS as ROLE_WORDS } from '../i18n/messages/staff.ts';

/**
 * What a member of the Centre's staff may do: coordinators run rounds and staff, reviewers (alone or as a
 * council) recommend a decision on dossiers, the Director signs approvals off (phê duyệt).
 */
export const STAFF_ROLES = ['coordinator', 'reviewer', 'director'] as const;
export type StaffRole = (typeof STAFF_ROLES)[number];

// Words in the catalog (shared/i18n/messages/staff.ts); typed here so a role without a label fails.
export const ROLE_LABELS: Record<StaffRole, Text> = ROLE_WORDS;

/** A person of the Centre's staff, by email: the key of their sessions and emailed links. */
export interface StaffMember {
  readonly email: string;
  readonly name: string;
  readonly roles: readonly StaffRole[];
  readonly addedAt: string;
  readonly addedBy: string;
}

/** A change to the staff list, kept in the staff audit trail. */
export interface StaffAuditEntry {
  readonly at: string;
  readonly by: string;
  readonly action: 'add-staff' | 'change-staff' | 'remove-staff' | 'bootstrap';
  readonly email: string;
  readonly roles: readonly StaffRole[];
}

/** How addresses are compared everywhere: trimmed, lower case, NFC. */
export const normalizeEmail = (email: string): string => email.trim().normalize('NFC').toLowerCase();

export const hasRole = (member: Pick<StaffMember, 'roles'> | undefined, role: StaffRole): boolean =>
  !!member && member.roles.includes(role);
