/**
 * Whether a container engine answers testcontainers, decided within `timeoutMs`. Loaded lazily:
 * testcontainers is only needed, and only paid for, when some component lacks an env URL.
 * A probe that hangs (a DOCKER_HOST that does not answer) counts as "no engine"; a
 * testcontainers that cannot even load is a broken install and is thrown.
 */
export async function dockerEngineAnswers(timeoutMs = 3000): Promise<boolean> {
  const { getContainerRuntimeClient } = await import('testcontainers');
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
    timer.unref();
  });
  const probe = getContainerRuntimeClient().then(
    () => true,
    () => false, // "Could not find a working container runtime strategy": no engine here
  );
  try {
    return await Promise.race([probe, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
