// Builders for tests of the pure rules; not part of the package's public runtime surface.
export * from '../findings/test-snapshot.ts';
export * from '../revision/revision-fixture.ts';
