import type { ApiClient, Operation, Sink } from '../lib/api-client';
import { operationName } from '../lib/api-context';

/** Vars are any operation's variables: the double answers every operation, and tests read them loosely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Vars = any;

type Handler = (variables: Vars) => unknown;


export interface FakeClient extends ApiClient {
  calls: { name: string; variables: Vars }[];
  callsOf(name: string): Vars[];
  /** handlers answer operations by name: return data, or throw an KycError. Replace freely. */
  handlers: Record<string, Handler>;
  /** emit delivers a subscription payload to every open subscription of that name. */
  emit(name: string, data: unknown): void;
  subscriptions(name: string): { variables: Vars }[];
  reconnect(): void;
  resets: number;
}

export function createFakeClient(handlers: Record<string, Handler> = {}): FakeClient {
  const subs: { name: string; variables: Vars; sink: Sink<unknown> }[] = [];
  const reconnectListeners = new Set<() => void>();
  const unauthListeners = new Set<() => void>();
  const client: FakeClient = {
    calls: [],
    handlers,
    resets: 0,
    callsOf(name) {
      return client.calls.filter((c) => c.name === name).map((c) => c.variables);
    },
    async execute<R, V>(op: Operation<R, V>, variables?: V): Promise<R> {
      const name = operationName(op);
      client.calls.push({ name, variables });
      const handler = client.handlers[name];
      if (!handler) throw new Error(`fake client: no handler for ${name}`);
      try {
        return (await handler(variables)) as R;
      } catch (e) {
        if ((e as { code?: string }).code === 'UNAUTHENTICATED') unauthListeners.forEach((l) => l());
        throw e;
      }
    },
    subscribe(op, variables, sink) {
      const entry = { name: operationName(op), variables, sink: sink as Sink<unknown> };
      subs.push(entry);
      return () => {
        const i = subs.indexOf(entry);
        if (i >= 0) subs.splice(i, 1);
      };
    },
    emit(name, data) {
      subs.filter((s) => s.name === name).forEach((s) => s.sink.next(data));
    },
    subscriptions(name) {
      return subs.filter((s) => s.name === name);
    },
    reconnect() {
      reconnectListeners.forEach((l) => l());
    },
    onReconnect(l) {
      reconnectListeners.add(l);
      return () => reconnectListeners.delete(l);
    },
    onUnauthenticated(l) {
      unauthListeners.add(l);
      return () => unauthListeners.delete(l);
    },
    resetSocket() {
      client.resets++;
    },
  };
  return client;
}
