import fs from 'node:fs';
import path from 'node:path';
import type { Config } from '../config.ts';
import { generateDataKeySpec, useDataKeys } from './data-encryption.ts';

/**
 * Loads the data keys: CARTWRIGHT_DATA_KEY when set; otherwise the key file in DATA_DIR, generated
 * (mode 0600) on the first start. Several processes on one database must share CARTWRIGHT_DATA_KEY.
 */
export function loadDataKeys(config: Pick<Config, 'dataKey' | 'dataDir'>): void {
  if (config.dataKey) {
    useDataKeys(config.dataKey);
    return;
  }
  const file = path.join(config.dataDir, 'data.key');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(config.dataDir, { recursive: true });
    fs.writeFileSync(file, `${generateDataKeySpec()}\n`, { mode: 0o600, flag: 'wx' });
  }
  useDataKeys(fs.readFileSync(file, 'utf8').trim());
}
