import { z } from 'zod';
import { planStatuses } from '../campaign';
import { defineEndpoint } from './endpoint';
import { dateOnly } from './fields';

/**
 * The home page's to-do list and upcoming deadlines (GET /api/me/todo). `daysLeft` is counted by
 * the server from its Vietnam date, so the page never uses the browser's clock for it.
 */

/** A line to act on: a Vietnamese label and the app path that does it. */
const linked = { label: z.string(), link: z.string() };
const planRef = {
  planId: z.number().int(),
  title: z.string(),
  documentNumber: z.string().nullable(),
  /** The issuing unit's name. */
  issuerName: z.string(),
};

export const ReviewPlan = z.object({
  ...linked,
  ...planRef,
  /** Submitted registrations of this plan waiting for review. */
  count: z.number().int(),
});
export type ReviewPlan = z.infer<typeof ReviewPlan>;

export const PendingCascade = z.object({
  ...linked,
  parentPlanId: z.number().int(),
  parentTitle: z.string(),
  parentNumber: z.string().nullable(),
  parentIssuerName: z.string(),
  unitId: z.number().int(),
  unitName: z.string(),
  /** The unit's draft under this parent, when it has started one. */
  childPlanId: z.number().int().nullable(),
  childStatus: z.enum(planStatuses).nullable(),
  /** Vietnam date; null when the parent set none. */
  deadline: dateOnly.nullable(),
  daysLeft: z.number().int().nullable(),
  overdue: z.boolean(),
});
export type PendingCascade = z.infer<typeof PendingCascade>;

export const OpenPlan = z.object({
  ...linked,
  ...planRef,
  /** Vietnam date, inclusive; null = no deadline. */
  deadline: dateOnly.nullable(),
  daysLeft: z.number().int().nullable(),
  /** Eligible units the user may register that have no live collective registration. */
  unitsNotRegistered: z.number().int(),
});
export type OpenPlan = z.infer<typeof OpenPlan>;

export const deadlineKinds = ['registration', 'assessment', 'cascade'] as const;
export type DeadlineKind = (typeof deadlineKinds)[number];

export const UpcomingDeadline = z.object({
  ...linked,
  ...planRef,
  kind: z.enum(deadlineKinds),
  date: dateOnly,
  daysLeft: z.number().int(),
});
export type UpcomingDeadline = z.infer<typeof UpcomingDeadline>;

export const MyTodo = z.object({
  /** The server's Vietnam date. */
  today: dateOnly,
  horizonDays: z.number().int(),
  total: z.number().int(),
  todo: z.object({
    reviews: z.object({
      count: z.number().int(),
      planCount: z.number().int(),
      label: z.string(),
      items: z.array(ReviewPlan),
    }),
    sheets: z.object({ ...linked, count: z.number().int() }),
    cascade: z.object({
      count: z.number().int(),
      label: z.string(),
      items: z.array(PendingCascade),
    }),
    registrations: z.object({
      count: z.number().int(),
      label: z.string(),
      items: z.array(OpenPlan),
    }),
  }),
  deadlines: z.array(UpcomingDeadline),
});
export type MyTodo = z.infer<typeof MyTodo>;

export const homeEndpoints = {
  todo: defineEndpoint({
    method: 'GET',
    path: '/api/me/todo',
    summary: "The user's to-do counts and short lists, and the deadlines of the next 30 days",
    tags: ['home'],
    access: 'user',
    response: MyTodo,
  }),
};
