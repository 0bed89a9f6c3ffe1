// A technician's configuration change that is cut off by kill -9 (tests/api/configWriter.test.ts).
// Plain JS over the compiled writer (dist/node), so that each of 200 starts is fast. It writes the config given
// as JSON in argv[3] to argv[2], and kills itself with SIGKILL at the step named in argv[4] ("none": no kill).
import { writeConfig } from '../../dist/node/kiosk-config/writeConfig.js';

const [file, json, stopAt] = process.argv.slice(2);
writeConfig(file, JSON.parse(json), (step) => {
  if (step === stopAt) process.kill(process.pid, 'SIGKILL');
});
