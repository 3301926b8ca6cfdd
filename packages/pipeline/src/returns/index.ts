export { type ReturnDeps, ReturnForbiddenError } from "./context";
export { getReturnPolicy, saveReturnPolicy } from "./policy";
export {
  approveRefund,
  issueRefund,
  markRefunded,
  type RefundIssue,
  receiveReturn,
  requestRefund,
} from "./refund-return";
export { type ReturnOptions, type ReturnRequestInput, requestReturn, returnOptions } from "./request-return";
export { approveReturn, rejectReturn } from "./review-return";
