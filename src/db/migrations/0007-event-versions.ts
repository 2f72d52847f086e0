/**
 * Versioned event payloads, and the part of a payload that holds personal data. Released: never
 * edit, add a new migration.
 */
export const statements = [
  // The payload's version in the event catalogue when the event was recorded: a receiver reads it from
  // the webhook envelope. Events from before versions existed are version 1.
  `alter table event_outbox add column version integer not null default 1`,
  // Fields of the payload that carry personal data (the order of order.placed: its email and
  // addresses), encrypted with the data key; merged into `data` when the event is delivered.
  `alter table event_outbox add column sealed text`,
];
