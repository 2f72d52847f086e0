/** An outbox event as the dispatcher hands it to subscribers. */
export interface DispatchedEvent {
  /** The outbox row's insert order. */
  seq: number;
  /** Its place in dispatch (commit) order: what subscribers and webhook ordering follow. */
  position: number;
  id: string;
  type: string;
  resource_type: string;
  resource_id: string;
  payload: Record<string, unknown>;
  created_at: Date;
}
