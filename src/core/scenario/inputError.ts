/** A run-time input that breaks a rule: thrown with the problems, each named by path and rule. */
export class InputError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join('\n'));
    this.name = 'InputError';
  }
}
