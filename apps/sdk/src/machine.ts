import { createMachine, transition, type AnyStateMachine } from 'xstate';
import type { WorkflowQuery } from './gql/graphql';

/** Workflow is the statechart as the server serves it (`query { workflow { … } }`). */
export type Workflow = WorkflowQuery['workflow'];
/** WorkflowState is one state of it, with its persisted/submit/final flags and transitions. */
export type WorkflowState = Workflow['states'][number];

/** StepEvent names the two applicant events of the chart. */
export type StepEvent = 'USER_NEXT_STEP' | 'USER_PREV_STEP';

/**
 * Chart is the client-side machine built from the served workflow. It answers "where would this
 * event lead from that state" without any hand-written transition; it is never the truth — the
 * server's Case.state is — so it is used as a pure function of (state, event), not as a running actor.
 */
export interface Chart {
  readonly workflow: Workflow;
  readonly machine: AnyStateMachine;
  /** states in the order the server lists them. */
  readonly states: readonly WorkflowState[];
  info(state: string): WorkflowState | undefined;
  /** target is where `event` leads from `state`, or undefined when the chart has no such edge. */
  target(state: string, event: string): string | undefined;
  /** events the chart accepts from `state`. */
  events(state: string): string[];
}

/** buildMachine turns the workflow data into an XState machine: one atomic state per workflow state. */
export function buildMachine(workflow: Workflow): AnyStateMachine {
  return createMachine({
    id: workflow.id,
    initial: workflow.initial,
    states: Object.fromEntries(
      workflow.states.map((s) => [
        s.name,
        {
          meta: { persisted: s.persisted, submit: s.submit, final: s.final },
          on: Object.fromEntries(s.on.map((t) => [t.event, { target: t.target }])),
        },
      ]),
    ),
  });
}

/** buildChart wraps buildMachine with the lookups the SDK needs. */
export function buildChart(workflow: Workflow): Chart {
  const machine = buildMachine(workflow);
  const byName = new Map(workflow.states.map((s) => [s.name, s]));
  const snapshotAt = (state: string) => machine.resolveState({ value: state, context: {} });

  return {
    workflow,
    machine,
    states: workflow.states,
    info: (state) => byName.get(state),
    target(state, event) {
      if (!byName.has(state)) return undefined;
      const snap = snapshotAt(state);
      if (!snap.can({ type: event })) return undefined;
      const [next] = transition(machine, snap, { type: event });
      return typeof next.value === 'string' ? next.value : undefined;
    },
    events(state) {
      const node = byName.get(state);
      return node ? node.on.map((t) => t.event).filter((e) => this.target(state, e) !== undefined) : [];
    },
  };
}
