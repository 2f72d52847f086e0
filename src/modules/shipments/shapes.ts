import { Type } from '@sinclair/typebox';
import { DateTime } from '../../shapes.ts';

/** The API shapes of carriers and shipping labels. */
export const Carrier = Type.Object({
  id: Type.String(),
  rates: Type.Boolean({ description: 'quotes rates: usable by calculated shipping options' }),
  labels: Type.Boolean({ description: 'buys and voids labels' }),
  webhooks: Type.Boolean({ description: 'takes tracking webhooks at POST /store/webhooks/carriers/{id}' }),
});

export const LabelInput = Type.Object({
  carrier_id: Type.String({ pattern: '^[a-z0-9_]{1,50}$' }),
  service: Type.Optional(Type.Union([Type.String({ minLength: 1, maxLength: 100 }), Type.Null()], { description: 'the carrier’s service; null or absent: its default' })),
}, { additionalProperties: false });

const nullableString = Type.Union([Type.String(), Type.Null()]);
export const Label = Type.Object({
  id: Type.String(),
  order_id: Type.String(),
  fulfillment_id: Type.String(),
  carrier_id: Type.String(),
  service: nullableString,
  status: Type.Union([Type.Literal('purchasing'), Type.Literal('purchased'), Type.Literal('failed'), Type.Literal('canceled')], {
    description: 'purchasing: the carrier was asked, no answer recorded (asking again resumes it) · purchased · failed: refused · canceled: voided',
  }),
  tracking_number: nullableString,
  tracking_url: nullableString,
  label_url: Type.Union([Type.String(), Type.Null()], { description: 'the label (PDF) to print' }),
  amount: Type.Union([Type.Integer(), Type.Null()], { description: 'what the carrier charged, in currency_code’s minor unit' }),
  currency_code: nullableString,
  error_message: nullableString,
  created_by: Type.String(),
  created_at: DateTime,
  updated_at: DateTime,
});
