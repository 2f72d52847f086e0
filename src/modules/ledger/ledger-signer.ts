import type { Config } from '../../config.ts';
import { loadLedgerSigner, type LedgerSigner } from './signing-key.ts';

type SignerConfig = Pick<Config, 'ledgerSigningKey' | 'ledgerKeyId' | 'dataDir'>;

const loaded = new Map<string, LedgerSigner>();

/**
 * The process's signer for these settings, read (or generated) once: the appender, the sealing job and
 * the CLI share it. `onGenerated` hears where a new key file was written, so the operator is told.
 */
export function ledgerSigner(config: SignerConfig, onGenerated?: (file: string) => void): LedgerSigner {
  const cacheKey = `${config.dataDir}\n${config.ledgerKeyId ?? ''}\n${config.ledgerSigningKey ?? ''}`;
  let signer = loaded.get(cacheKey);
  if (!signer) loaded.set(cacheKey, (signer = loadLedgerSigner(config, onGenerated)));
  return signer;
}
