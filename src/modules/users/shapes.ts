import { Type } from '@sinclair/typebox';
import { DateTime } from '../../shapes.ts';

/** A staff member as the Admin API shows one (sign-in, session, staff list). */
export const StaffUser = Type.Object({
  id: Type.String(),
  email: Type.String(),
  name: Type.Union([Type.String(), Type.Null()]),
  role: Type.String(),
  created_at: DateTime,
  last_login_at: Type.Union([DateTime, Type.Null()]),
});
