/** How long a Central that met an uncaught error waits for requests in flight before it exits anyway. */
export const DRAIN_BEFORE_EXIT_MS = 5_000;

/**
 * What an error nobody caught does to a serving Central: it is logged, new
 * connections stop, requests in flight get a few seconds, and the process
 * exits with status 1 for its supervisor to restart (systemd `Restart=always`).
 *
 * Why exit rather than keep serving: after an uncaught exception Node's own
 * state (a half-run callback, a lock or stream left open) cannot be trusted,
 * and Central loses nothing by restarting: every receipt, page and message it
 * acknowledged was committed first, and kiosks and phones resend what was not.
 * Behind the reverse proxy the other Central carries the traffic meanwhile
 * (`proxy_next_upstream error`), exactly as when one is killed.
 */
export function exitOnUncaughtError(
  central: { close(): Promise<void> },
  exit: (code: number) => void = (code) => process.exit(code),
): void {
  let exiting = false;
  const onError = (error: unknown) => {
    const detail = error instanceof Error ? (error.stack ?? error.message) : String(error);
    console.error(`Central: uncaught error, exiting for the supervisor to restart: ${detail}`);
    if (exiting) return;
    exiting = true;
    const deadline = setTimeout(() => exit(1), DRAIN_BEFORE_EXIT_MS);
    deadline.unref();
    void central
      .close()
      .catch(() => undefined)
      .finally(() => exit(1));
  };
  process.on('uncaughtException', onError);
  process.on('unhandledRejection', onError);
}
