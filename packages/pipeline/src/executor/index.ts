export { createLocalExecutor, type ExecutorLogger, LocalExecutor, type LocalExecutorOptions } from "./executor";
export { compileExpression, ExpressionError, evaluateCondition, evaluateKey } from "./expression";
export {
  type CallOutcome,
  type FetchLike,
  type FunctionConfig,
  LOCAL_EXECUTOR_HEADER,
  type OutgoingOp,
  type SerializedError,
  type StepResult,
  syncFunctions,
} from "./protocol";
export {
  type ExecutorRunDetail,
  type ExecutorRunSummary,
  getRun,
  type ListRunsFilter,
  listRuns,
  pruneHistory,
} from "./store";
export { localExecutorToken } from "./token";
