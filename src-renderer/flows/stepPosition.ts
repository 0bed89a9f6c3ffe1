/** "Step 2 of 3", spoken and shown, from a flow's ordered list of steps. */
export const positionIn =
  <S extends string>(steps: readonly S[]) =>
  (step: S) => ({ current: steps.indexOf(step) + 1, total: steps.length });
