/** For exhaustive switches over protocol unions: reaching this is a bug the type checker should have caught. */
export function missingCase(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
