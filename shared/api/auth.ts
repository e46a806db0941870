import { z } from 'zod';
import { actions, roles } from '../permissions';
import { defineEndpoint } from './endpoint';
import { id, instant, page, pageSize, text } from './fields';

/**
 * Auth and accounts: signing in and out, "who am I", the own password, and account management
 * (accounts and their role grants) — request and response schemas and the endpoints (decision
 * 027). The server parses requests with these (and its labels); the web takes its types from them.
 */

// ── Requests ────────────────────────────────────────────────────────────────────────────────

/** POST /api/auth/login. The username is compared lower-case. */
export const LoginInput = z.object({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type LoginInput = z.input<typeof LoginInput>;

/** POST /api/auth/password: the user's own password. */
export const PasswordChange = z.object({
  currentPassword: z.string().min(1),
  newPassword: z.string().min(8).max(200),
});

const Username = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9][a-z0-9._-]{2,63}$/, 'chỉ gồm chữ không dấu, số, dấu chấm, gạch; 3–64 ký tự');

/** POST /api/accounts. `personId`: the staff record the account belongs to, if any. */
export const CreateAccount = z.object({
  username: Username,
  displayName: text(120),
  password: z.string().min(8).max(200),
  personId: id.nullish(),
});

/** PATCH /api/accounts/:id: rename, (de)activate or reset the password. */
export const UpdateAccount = z.object({
  displayName: text(120).optional(),
  active: z.boolean().optional(),
  password: z.string().min(8).max(200).optional(),
});

/** POST /api/accounts/:id/grants: a role at a unit (its subtree), or system-wide (unitId null). */
export const GrantInput = z.object({ role: z.enum(roles), unitId: id.nullable() });

export const ListAccountsQuery = z.object({
  search: z.string().trim().max(100).optional(),
  page,
  pageSize,
});

/** DELETE /api/accounts/:id/grants/:grantId. */
export const GrantParams = z.object({ id, grantId: id });

// ── Responses ───────────────────────────────────────────────────────────────────────────────

/** A role grant as lists show it: the role and the unit it covers (null: system-wide). */
export const Grant = z
  .object({
    id: z.number().int(),
    role: z.enum(roles),
    roleLabel: z.string(),
    unitId: z.number().int().nullable(),
    unitName: z.string().nullable(),
  })
  .meta({ id: 'Grant' });
export type Grant = z.infer<typeof Grant>;

/** The signed-in user, their grants and every action they may do somewhere. */
export const Me = z
  .object({
    user: z.object({
      id: z.number().int(),
      username: z.string(),
      displayName: z.string(),
      personId: z.number().int().nullable(),
    }),
    grants: z.array(Grant),
    actions: z.array(z.enum(actions)),
    /** The server runs with demo data (the UI shows a banner). */
    demo: z.boolean(),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

/** GET /api/auth/me: the user, or `{ user: null }` without a (live) session — 200 both. */
export const MeResponse = z.union([Me, z.object({ user: z.null() })]);
export type MeResponse = z.infer<typeof MeResponse>;

export const LoginResult = z.object({
  user: z.object({ id: z.number().int(), username: z.string(), displayName: z.string() }),
});

/** The demo accounts the login page offers (only when the server runs with demo data). */
export const DemoAccounts = z.object({
  enabled: z.boolean(),
  password: z.string().nullable(),
  accounts: z.array(
    z.object({ username: z.string(), roleLabel: z.string(), unitName: z.string().nullable() }),
  ),
});
export type DemoAccounts = z.infer<typeof DemoAccounts>;

/** An account as POST /api/accounts creates it. */
export const CreatedAccount = z.object({
  id: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  active: z.boolean(),
  personId: z.number().int().nullable(),
});

/** An account as PATCH /api/accounts/:id leaves it. */
export const UpdatedAccount = CreatedAccount.omit({ personId: true });

/** A row of the account list: the account, its last sign-in and its grants. */
export const Account = CreatedAccount.extend({
  lastLoginAt: instant.nullable(),
  grants: z.array(Grant),
}).meta({ id: 'Account' });
export type Account = z.infer<typeof Account>;

/** A grant as stored, answered by POST /api/accounts/:id/grants. */
export const GrantRecord = z.object({
  id: z.number().int(),
  userId: z.number().int(),
  role: z.enum(roles),
  unitId: z.number().int().nullable(),
  grantedBy: z.number().int().nullable(),
  grantedAt: instant,
});

// ── Endpoints ───────────────────────────────────────────────────────────────────────────────

const tags = ['auth'] as const;
const accountTags = ['accounts'] as const;
const accountParams = z.object({ id }).describe('the account');

export const authEndpoints = {
  demoAccounts: defineEndpoint({
    method: 'GET',
    path: '/api/auth/demo-accounts',
    summary: 'The demo accounts the login page offers (enabled only with demo data)',
    tags,
    access: 'public',
    response: DemoAccounts,
  }),
  login: defineEndpoint({
    method: 'POST',
    path: '/api/auth/login',
    summary: 'Sign in: checks the password and sets a new session cookie',
    tags,
    access: 'public',
    body: LoginInput,
    response: LoginResult,
  }),
  logout: defineEndpoint({
    method: 'POST',
    path: '/api/auth/logout',
    summary: 'Sign out: ends the session and clears its cookie',
    tags,
    access: 'public',
    response: { kind: 'empty', status: 204 },
  }),
  me: defineEndpoint({
    method: 'GET',
    path: '/api/auth/me',
    summary: 'Who am I: the user, grants and allowed actions, or { user: null } without a session',
    tags,
    access: 'public',
    response: MeResponse,
  }),
  changePassword: defineEndpoint({
    method: 'POST',
    path: '/api/auth/password',
    summary: "Change the user's own password (ends their other sessions)",
    tags,
    access: 'user',
    body: PasswordChange,
    response: { kind: 'empty', status: 204 },
  }),
  listAccounts: defineEndpoint({
    method: 'GET',
    path: '/api/accounts',
    summary: "Accounts holding a role inside the user's account.manage scope",
    tags: accountTags,
    access: 'user',
    query: ListAccountsQuery,
    response: z.object({ items: z.array(Account), total: z.number().int() }),
  }),
  createAccount: defineEndpoint({
    method: 'POST',
    path: '/api/accounts',
    summary: 'Create an account (system-wide account managers only)',
    tags: accountTags,
    access: 'user',
    body: CreateAccount,
    response: CreatedAccount,
    status: 201,
  }),
  updateAccount: defineEndpoint({
    method: 'PATCH',
    path: '/api/accounts/:id',
    summary: 'Rename, (de)activate or reset the password of an account',
    tags: accountTags,
    access: 'user',
    params: accountParams,
    body: UpdateAccount,
    response: UpdatedAccount,
  }),
  grantRole: defineEndpoint({
    method: 'POST',
    path: '/api/accounts/:id/grants',
    summary: 'Grant a role at a unit (or system-wide administration)',
    tags: accountTags,
    access: 'user',
    params: accountParams,
    body: GrantInput,
    response: GrantRecord,
    status: 201,
  }),
  revokeRole: defineEndpoint({
    method: 'DELETE',
    path: '/api/accounts/:id/grants/:grantId',
    summary: 'Revoke one role grant of an account',
    tags: accountTags,
    access: 'user',
    params: GrantParams,
    response: { kind: 'empty', status: 204 },
  }),
};
