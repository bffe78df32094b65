import { z } from 'zod';

/**
 * Staff accounts (docs/security.md#staff-accounts): everyone who signs in to the console with a
 * user name and password. Their tokens all carry the role 'organiser'; what each reaches is the
 * account's staff role: an admin everything, a coordinator only the stages granted, an observer
 * everything but read-only. Judges stay on stage code + PIN.
 */
export const STAFF_ROLES = ['admin', 'coordinator', 'observer'] as const;
export const staffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof staffRoleSchema>;

/** The shortest password a staff account accepts (the first run's setup asks the same). */
export const STAFF_PASSWORD_MIN_LENGTH = 10;

const staffPassword = z
  .string()
  .min(STAFF_PASSWORD_MIN_LENGTH, `a password has at least ${STAFF_PASSWORD_MIN_LENGTH} characters`)
  .max(200);
const staffUsername = z.string().trim().min(3).max(64);
const staffDisplayName = z.string().trim().min(1).max(200);
/** The stages a coordinator runs; admins and observers reach every stage and keep this empty. */
const stageIds = z.array(z.string().uuid()).max(200);

/** A staff account as an admin sees it; never its password hash. */
export const staffAccountSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  staffRole: staffRoleSchema,
  stageIds: z.array(z.string()),
  active: z.boolean(),
  createdAt: z.string(),
  lastSignInAt: z.string().nullable(),
});
export type StaffAccount = z.infer<typeof staffAccountSchema>;

export const staffCreateSchema = z
  .object({
    username: staffUsername,
    displayName: staffDisplayName,
    password: staffPassword,
    staffRole: staffRoleSchema,
    stageIds,
  })
  .strict();
export type StaffCreate = z.infer<typeof staffCreateSchema>;

/** Only the fields sent change. Deactivating ends the account's tokens at once. */
export const staffUpdateSchema = z
  .object({
    displayName: staffDisplayName.optional(),
    staffRole: staffRoleSchema.optional(),
    stageIds: stageIds.optional(),
    active: z.boolean().optional(),
  })
  .strict();
export type StaffUpdate = z.infer<typeof staffUpdateSchema>;

/** An admin sets another account's password; that account's tokens end. */
export const staffPasswordSetSchema = z.object({ password: staffPassword }).strict();
export type StaffPasswordSet = z.infer<typeof staffPasswordSetSchema>;

/** Anyone signed in with a password changes their own; every older token of theirs ends. */
export const passwordChangeSchema = z
  .object({ currentPassword: z.string().min(1).max(200), newPassword: staffPassword })
  .strict();
export type PasswordChange = z.infer<typeof passwordChangeSchema>;

/** A fresh token for the device that changed the password: the older ones no longer work. */
export const passwordChangeAnswerSchema = z.object({ token: z.string() });
export type PasswordChangeAnswer = z.infer<typeof passwordChangeAnswerSchema>;
