// Reflection is built from one entry per distinct descriptor list: it must answer exactly as when
// built from the whole package definition, for every service and symbol of the suite's protos.
import { ReflectionService } from '@grpc/reflection';
import { loadProtos } from '@mercato/protos';
import { oneEntryPerDescriptorSet } from '../src/server';

interface V1 {
  listServices(q: string): { service: { name: string }[] };
  fileContainingSymbol(symbol: string): { fileDescriptorProto: Uint8Array[] };
  fileByFilename(name: string): { fileDescriptorProto: Uint8Array[] };
  symbols: Record<string, { name?: string }>;
}

describe('reflection over the suite protos', () => {
  const full = loadProtos();
  const services = Object.keys(full).filter((name) => !('format' in (full[name] as object)));
  const reduced = oneEntryPerDescriptorSet(full);
  const whole = (new ReflectionService(full, { services }) as unknown as { v1: V1 }).v1;
  const lean = (new ReflectionService(reduced, { services }) as unknown as { v1: V1 }).v1;

  it('keeps a small fraction of the entries', () => {
    expect(Object.keys(reduced).length).toBeGreaterThan(0);
    expect(Object.keys(reduced).length * 20).toBeLessThan(Object.keys(full).length);
  });

  it('lists the same services', () => {
    expect(lean.listServices('*')).toEqual(whole.listServices('*'));
    expect(lean.listServices('*').service.length).toBe(services.length);
  });

  it('indexes the same symbols, and finds the same file with the same dependencies for each file and service', () => {
    const symbols = Object.keys(whole.symbols);
    expect(symbols.length).toBeGreaterThan(100);
    expect(Object.keys(lean.symbols).sort()).toEqual([...symbols].sort());
    // One symbol per file, and every service (answers are per file, with its dependencies).
    const probes = new Map<unknown, string>();
    for (const symbol of symbols) if (!probes.has(whole.symbols[symbol])) probes.set(whole.symbols[symbol], symbol);
    for (const symbol of [...probes.values(), ...services]) {
      expect(Buffer.concat(lean.fileContainingSymbol(symbol).fileDescriptorProto)).toEqual(Buffer.concat(whole.fileContainingSymbol(symbol).fileDescriptorProto));
    }
    for (const file of new Set(Object.values(whole.symbols).map((f) => f.name ?? ''))) {
      expect(lean.fileByFilename(file)).toEqual(whole.fileByFilename(file));
    }
  });
});
