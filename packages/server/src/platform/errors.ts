/**
 * A failure an operator can fix from its message alone (a bad setting, a busy port, a locked
 * data folder). The CLI prints the message as one line and exits non-zero, without a stack.
 */
export class OperatorError extends Error {
  override name = this.constructor.name;
}
