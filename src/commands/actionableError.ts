// A failure the error message can offer one way forward for (Resume, Open Sandbox Tenant…).
export class ActionableError extends Error {
  constructor(message: string, readonly actionLabel: string, readonly action: () => Promise<unknown>) {
    super(message);
  }
}
