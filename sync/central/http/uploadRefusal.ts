/** A refused tus request: tus answers a thrown error's `status_code` and `body` as the HTTP response. */
export class UploadRefusal extends Error {
  readonly body: string;
  constructor(
    readonly status_code: number,
    error: string,
    message: string,
  ) {
    super(message);
    this.body = JSON.stringify({ error, message });
  }
}
