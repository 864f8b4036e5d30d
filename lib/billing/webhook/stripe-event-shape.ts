import type Stripe from "stripe";
import { z } from "zod";
import { AppError } from "@/lib/errors";

// Only the fields the handlers read, loosely: Stripe adds fields freely, and a signed event that
// lacks one of these is malformed (a 400 explains it; a TypeError deep in a handler would be a 500).
const reference = z.union([z.string(), z.looseObject({ id: z.string() })]).nullish();
const metadata = z.record(z.string(), z.string()).nullish();

const checkoutSession = z.looseObject({
  id: z.string().min(1),
  metadata,
  client_reference_id: z.string().nullish(),
  mode: z.string().nullish(),
  payment_status: z.string().nullish(),
  amount_total: z.number().int().nullish(),
  currency: z.string().nullish(),
  payment_intent: reference,
  customer: reference,
  subscription: reference,
});

const charge = z.looseObject({
  id: z.string().min(1),
  payment_intent: reference,
  amount: z.number().int().nonnegative(),
  amount_refunded: z.number().int().nonnegative(),
  currency: z.string().min(1),
  refunded: z.boolean(),
});

const subscription = z.looseObject({
  id: z.string().min(1),
  customer: z.union([z.string().min(1), z.looseObject({ id: z.string().min(1) })]),
  status: z.string(),
  metadata,
  items: z
    .looseObject({
      data: z.array(
        z.looseObject({
          price: z.looseObject({ id: z.string() }).nullish(),
          current_period_start: z.number().int().nullish(),
          current_period_end: z.number().int().nullish(),
        }),
      ),
    })
    .nullish(),
});

const invoice = z.looseObject({
  parent: z.looseObject({ subscription_details: z.looseObject({ subscription: reference }).nullish() }).nullish(),
});

const OBJECT_SCHEMAS: Record<string, z.ZodType> = {
  "checkout.session.completed": checkoutSession,
  "checkout.session.async_payment_succeeded": checkoutSession,
  "charge.refunded": charge,
  "customer.subscription.created": subscription,
  "customer.subscription.updated": subscription,
  "customer.subscription.deleted": subscription,
  "invoice.paid": invoice,
};

const envelope = z.looseObject({
  id: z.string().min(1).max(255),
  type: z.string().min(1).max(255),
  created: z.number().int().nonnegative(),
  data: z.looseObject({ object: z.looseObject({}) }),
});

/** Refuses (400) a verified event whose envelope or handled object lacks what the handlers read. */
export function assertStripeEventShape(event: Stripe.Event): void {
  const checked = envelope.safeParse(event);
  const objectSchema = OBJECT_SCHEMAS[event.type];
  const object = checked.success && objectSchema ? objectSchema.safeParse(event.data.object) : null;
  const issues = checked.success ? (object && !object.success ? object.error.issues : []) : checked.error.issues;
  if (issues.length) {
    const fields = issues.map((issue) => issue.path.join(".") || "(event)").join(", ");
    throw new AppError({ code: "bad_request", message: `Malformed Stripe event (${fields}).` });
  }
}
