import 'dotenv/config';
import { readConfig, ConfigError } from '../config.js';
import { deployCommands } from '../discord/deploy.js';

/** `npm run deploy-commands`: see src/discord/deploy.ts. Exit 2 for configuration, 1 for Discord. */
async function main(): Promise<number> {
  try {
    process.stdout.write(`${await deployCommands(readConfig())}\n`);
    return 0;
  } catch (error) {
    process.stderr.write(`deploy-commands: ${error instanceof Error ? error.message : String(error)}\n`);
    return error instanceof ConfigError ? 2 : 1;
  }
}

main().then((code) => {
  process.exitCode = code;
});
