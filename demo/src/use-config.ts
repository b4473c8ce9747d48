import { useEffect, useState } from 'react';
import { fetchConfig, type DemoConfig } from './api.ts';

/** Which Harness the server talks to; `null` until the server said (and if it could not). */
export function useDemoConfig(): DemoConfig | null {
  const [config, setConfig] = useState<DemoConfig | null>(null);
  useEffect(() => {
    const controller = new AbortController();
    fetchConfig(controller.signal).then(setConfig, () => {});
    return () => controller.abort();
  }, []);
  return config;
}
