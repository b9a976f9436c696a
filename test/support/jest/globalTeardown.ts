/** Stops the servers the global setup started (once, though both server projects name it). */
export default async function globalTeardown(): Promise<void> {
  const infrastructure = globalThis.testInfrastructure;
  globalThis.testInfrastructure = undefined;
  await infrastructure?.stop();
}
