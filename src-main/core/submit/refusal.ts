/**
 * Why the core will not queue a submission, naming the argument at fault.
 * The API layer turns it into its error value; the core never knows the API.
 */
export class Refusal extends Error {
  constructor(
    readonly code: 'bad-request' | 'not-found',
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = 'Refusal';
  }
}
