import { Type, type TSchema } from '@sinclair/typebox';

/** Reply shapes shared by every module's routes (their inputs' scalars are in src/shapes.ts). */

export const ErrorResponse = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      details: Type.Record(Type.String(), Type.Unknown()),
    }),
  },
  { $id: 'ErrorResponse', description: 'Every error: a stable code, a message for people, details for programs.' },
);

export function ListOf<T extends TSchema>(item: T) {
  return Type.Object({ data: Type.Array(item), next_cursor: Type.Union([Type.String(), Type.Null()]) });
}

/** What a DELETE answers. */
export const Deleted = Type.Object({ id: Type.String(), object: Type.String(), deleted: Type.Boolean() });

/** Error responses every route may give; routes add their own success shapes. */
export const errorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  404: ErrorResponse,
  409: ErrorResponse,
  413: ErrorResponse,
  500: ErrorResponse,
};

/** The error responses of a read, which conflicts with nothing. */
export const readErrorResponses = {
  400: ErrorResponse,
  401: ErrorResponse,
  404: ErrorResponse,
  500: ErrorResponse,
};
