// Synchronous "does a Docker engine answer?" for places that cannot await, such as
// jest.config.js deciding which test files exist. `docker info` talks to the engine (the CLI
// alone is not enough: on CI runners without Docker the client is often installed anyway),
// and the timeout keeps a dead DOCKER_HOST from stalling every Jest start.
const { spawnSync } = require('node:child_process');

let cached;

/** True when `docker info` reaches an engine within `timeoutMs` (default 3 s). Cached per process. */
function dockerEngineAnswers(timeoutMs = 3000) {
  if (cached === undefined) {
    const result = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], {
      timeout: timeoutMs,
      stdio: ['ignore', 'pipe', 'ignore'],
      encoding: 'utf8',
    });
    cached = result.status === 0 && result.stdout.trim().length > 0;
  }
  return cached;
}

module.exports = { dockerEngineAnswers };
